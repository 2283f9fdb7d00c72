using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Cli;

/// <summary>
/// The services of the web app's domain, configured from the same keys (Database:Provider,
/// ConnectionStrings:DirectiveHub, Demo:Seed) in appsettings.json or environment variables (Database__Provider …).
/// </summary>
public static class CliHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // Migrating a database that does not exist yet logs a connection error before EF creates it; real failures still throw.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        builder.Services.AddDirectiveHubCore(builder.Configuration);
        builder.Services.AddIdentityCore<AppUser>(IdentityRules.Configure)
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        Security.DataProtectionSetup.AddDirectiveHubDataProtection(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
