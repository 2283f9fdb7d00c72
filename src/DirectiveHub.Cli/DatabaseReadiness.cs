using DirectiveHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli;

/// <summary>
/// Whether the configured database exists and is migrated, checked before a command that reads it (sweep): a missing
/// or empty database gets one line saying what to do, never a stack trace, and opening it never leaves an empty
/// SQLite file behind.
/// </summary>
public static class DatabaseReadiness
{
    /// <returns>Null when the database is ready; otherwise the one line to print.</returns>
    public static async Task<string?> ProblemAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var provider = DatabaseSetup.ReadProvider(configuration);
        var connectionString = DatabaseSetup.ReadConnectionString(configuration, provider);
        var where = provider.ToString();
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            where = file;
            if (!string.Equals(file, ":memory:", StringComparison.Ordinal) && !File.Exists(file))
            {
                return $"There is no database at {file}: run `directivehub migrate` (or start the web app) first.";
            }
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return $"Cannot connect to the database ({where}): check Database__Provider and ConnectionStrings__DirectiveHub.";
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending > 0 ? $"The database ({where}) is not set up ({pending} migrations pending): run `directivehub migrate` first." : null;
    }
}
