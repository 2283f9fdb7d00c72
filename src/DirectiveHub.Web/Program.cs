using DirectiveHub.Web.Infrastructure;
using Serilog;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());
builder.Services.AddDirectiveHubWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseDirectiveHubWeb();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;
