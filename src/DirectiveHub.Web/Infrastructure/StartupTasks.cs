using DirectiveHub.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DirectiveHub.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>Migrates (unless Database:MigrateOnStartup is false) and seeds the demo province when asked and empty.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var demo = CoreServices.DemoSeedingEnabled(app.Configuration);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);
            }

            if (demo)
            {
                await initializer.SeedDemoIfEmptyAsync(app.Lifetime.ApplicationStopping);
            }
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, demo));
    }

    private static void PrintWelcome(WebApplication app, bool demo)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DirectiveHub");
        if (!Security.DataProtectionSetup.IsCertificateConfigured(app.Configuration))
        {
            logger.LogWarning("Data Protection keys (sign-in cookies, authenticator secrets) are stored UNENCRYPTED in the database: set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to encrypt them; see docs/operations.md");
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            logger.LogInformation("DirectiveHub is running at {Url}", address);
        }

        if (demo)
        {
            foreach (var (email, role, description) in DemoAccounts.All)
            {
                logger.LogInformation("Demo account {Email} / {Password} ({Role}: {Description})", email, DemoAccounts.Password, role, description);
            }
        }
    }
}
