using DirectiveHub.Data;
using DirectiveHub.Seeding;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

public static class DatabaseCommands
{
    /// <summary>
    /// <c>directivehub migrate</c>: applies pending migrations to the configured database. With <c>--script</c> it only
    /// prints the provider's idempotent SQL (every migration, each guarded by the history table), for a DBA who
    /// applies changes by hand; no connection is opened.
    /// </summary>
    public static async Task<int> MigrateAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        if (options.Contains("--script"))
        {
            if (DatabaseSetup.ReadProvider(host.Services.GetRequiredService<IConfiguration>()) != DatabaseProvider.Postgres)
            {
                // EF cannot write idempotent scripts for SQLite, and the embedded database needs no DBA.
                await app.Error.WriteLineAsync("migrate --script is for PostgreSQL: set Database__Provider=Postgres and the connection string.");
                return 2;
            }

            var migrator = scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IMigrator>();
            var sql = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            var output = CommandOptions.String(options, "--output");
            if (output is null)
            {
                await app.Output.WriteAsync(sql);
            }
            else
            {
                await File.WriteAllTextAsync(output, sql, cancellationToken);
                await app.Output.WriteLineAsync($"Wrote the idempotent migration script to {output}.");
            }

            return 0;
        }

        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        var provider = DatabaseSetup.ReadProvider(host.Services.GetRequiredService<IConfiguration>());
        await app.Output.WriteLineAsync($"Database is up to date ({provider}).");
        return 0;
    }

    /// <summary><c>directivehub seed --demo</c>: migrates, then fills an empty database with the demo province.</summary>
    public static async Task<int> SeedAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        if (!options.Contains("--demo"))
        {
            await app.Error.WriteLineAsync("Usage: directivehub seed --demo");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(cancellationToken);
        if (!await initializer.SeedDemoIfEmptyAsync(cancellationToken))
        {
            await app.Output.WriteLineAsync("The database already holds organizations; demo data was not added.");
            return 0;
        }

        await app.Output.WriteLineAsync("Demo data added. Accounts (password " + DemoAccounts.Password + "):");
        foreach (var (email, role, description) in DemoAccounts.All)
        {
            await app.Output.WriteLineAsync($"  {email,-22} {role,-8} {description}");
        }

        return 0;
    }
}
