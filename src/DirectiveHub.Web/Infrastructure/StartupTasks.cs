using DirectiveHub.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>Migrates (unless Database:MigrateOnStartup is false) and seeds the demo province when asked and empty.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var demo = CoreServices.DemoSeedingEnabled(app.Configuration);
        IReadOnlyList<string> demoAccounts = [];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);
            }

            // The peers administrators keep in the database join the settings' before the first request comes in.
            try
            {
                await scope.ServiceProvider.GetRequiredService<DirectiveHub.Exchange.ExchangePeerRegistry>().ReloadAsync(app.Lifetime.ApplicationStopping);
            }
            catch (System.Data.Common.DbException exception)
            {
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DirectiveHub").LogWarning("Exchange peers could not be read from the database ({Error}); only Exchange:Peers from the settings are in use until the exchange worker's next tick", exception.Message);
            }

            if (demo)
            {
                if (await initializer.SeedDemoIfEmptyAsync(app.Lifetime.ApplicationStopping) && app.Configuration.GetValue("Demo:SigningCertificates", true))
                {
                    // Publishing a demo directive then stores a signed PDF, as a unit with its certificate does.
                    await DirectiveHub.Signing.DemoSigningCertificates.InstallAsync(
                        scope.ServiceProvider.GetRequiredService<DirectiveHub.Data.AppDbContext>(),
                        scope.ServiceProvider.GetRequiredService<DirectiveHub.Signing.UnitCertificates>(),
                        scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                        app.Lifetime.ApplicationStopping);
                }

                // Only the demo accounts this database really has (one set up with `admin create` has none of them).
                var emails = DemoAccounts.All.Select(a => a.Email.ToUpperInvariant()).ToList();
                var db = scope.ServiceProvider.GetRequiredService<DirectiveHub.Data.AppDbContext>();
                demoAccounts = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Email!).ToListAsync(app.Lifetime.ApplicationStopping);
            }
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, demoAccounts));
    }

    private static void PrintWelcome(WebApplication app, IReadOnlyList<string> existingDemoAccounts)
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

        foreach (var (email, role, description) in DemoAccounts.All)
        {
            if (existingDemoAccounts.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                logger.LogInformation("Demo account {Email} / {Password} ({Role}: {Description})", email, DemoAccounts.Password, role, description);
            }
        }
    }
}
