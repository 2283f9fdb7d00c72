using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Data;

/// <summary>
/// Chooses the database from configuration, the same way for the web app and the CLI:
/// <c>Database:Provider</c> (<c>Sqlite</c> or <c>Postgres</c>) and <c>ConnectionStrings:DirectiveHub</c>.
/// With neither, a SQLite file <c>directivehub.db</c> in <see cref="DataFolder.Default"/>, the same for the web app and the CLI.
/// </summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "DirectiveHub";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return value.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'."),
        };
    }

    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:DirectiveHub is not set.");
        }

        var folder = DataFolder.Default;
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "directivehub.db")}";
    }

    /// <summary>Registers <see cref="AppDbContext"/> backed by the configured provider's context.</summary>
    public static IServiceCollection AddDirectiveHubDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = ReadConnectionString(configuration, provider);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(options => UsePostgres(options, connectionString));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => UseSqlite(options, connectionString));
        }

        return services;
    }

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithStatementReuse(connectionString), npgsql => npgsql
            .MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name)
            .ExecutionStrategy(dependencies => new ResilientNpgsqlExecutionStrategy(dependencies)));

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string says otherwise: a statement run twice on a pooled
    /// connection is prepared there, so PostgreSQL parses it once and may keep its plan (planning was 10–14 ms of the
    /// month dashboard's 18–24 ms of database time). The app keeps no session state on a connection (no SET, no
    /// LISTEN, no temporary tables; its advisory lock is transaction-scoped), so a connection goes back to the pool
    /// without the reset statements Npgsql would otherwise prepend to its next command.
    /// </summary>
    public static string WithStatementReuse(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string keyword) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("MaxAutoPrepare"))
        {
            // EF Core issues a few hundred distinct statements across the app; the busiest pages use about forty.
            builder.MaxAutoPrepare = 256;
        }

        if (!Given("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Given("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name));

    public static AppDbContext Create(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
            UsePostgres(options, connectionString);
            return new PostgresAppDbContext(options.Options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
            UseSqlite(options, connectionString);
            return new SqliteAppDbContext(options.Options);
        }
    }
}
