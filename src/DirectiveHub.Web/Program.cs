using DirectiveHub.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// The app's own logger, not the static one: two hosts in one process (the tests) must not write to each other's sinks.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
    preserveStaticLogger: true);
builder.Services.AddDirectiveHubWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseDirectiveHubWeb();
await app.InitializeDatabaseAsync();
await app.RunAsync();
