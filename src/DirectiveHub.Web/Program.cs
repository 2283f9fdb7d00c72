using DirectiveHub.Web.Infrastructure;
using Serilog;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
// The app's own logger, not the static one: two hosts in one process (the tests) must not write to each other's sinks.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
    preserveStaticLogger: true);
builder.Services.AddDirectiveHubWeb(builder.Configuration, builder.Environment);

// The documented default address lives here, not in launchSettings.json, whose applicationUrl would override
// ASPNETCORE_URLS and --urls under `dotnet run`.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]) && string.IsNullOrEmpty(builder.Configuration["https_ports"])
    && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var app = builder.Build();
if (PortCheck.FirstBusy(app) is { } busy)
{
    await Console.Error.WriteLineAsync($"Cannot listen: {busy} is already in use. Another program uses that port; choose another with ASPNETCORE_URLS or --urls.");
    return 1;
}

app.UseDirectiveHubWeb();
await app.InitializeDatabaseAsync();
try
{
    await app.RunAsync();
}
catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // A busy port is an operator's everyday mistake: one line saying what to change, not Kestrel's stack trace.
    await Console.Error.WriteLineAsync($"Cannot listen: {exception.Message} Another program uses that port; choose another with ASPNETCORE_URLS or --urls.");
    return 1;
}

return 0;
