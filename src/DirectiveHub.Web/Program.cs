using DirectiveHub.Web.Infrastructure;
using Serilog;

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
