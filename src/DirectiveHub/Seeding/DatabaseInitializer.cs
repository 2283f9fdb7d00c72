using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Seeding;

/// <summary>Brings a database up to date and, when asked, fills an empty one with the demo province.</summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    DemoSeeder demoSeeder,
    RoleManager<IdentityRole<Guid>> roleManager,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // On an empty database EF reads the history table before creating it and logs the failed SELECT as an error
        // (twice): operators took those lines for a failed start. Creating the table first keeps the log clean.
        // The history table needs its database: a PostgreSQL database that does not exist yet is created first, as
        // MigrateAsync itself would.
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations on {Provider}", pending.Count, db.Provider);
        }

        // A migration that fills a new column walks every row: on years of data that takes longer than a query may.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync(cancellationToken);
        db.Database.SetCommandTimeout(null);
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }
    }

    /// <returns>True when demo data was written; false when the database already held organizations.</returns>
    public async Task<bool> SeedDemoIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return false;
        }

        await demoSeeder.SeedAsync(cancellationToken);
        logger.LogInformation("Seeded the demo province");
        return true;
    }
}
