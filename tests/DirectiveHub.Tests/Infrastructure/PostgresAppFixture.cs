using DirectiveHub.Data;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>One app on one fresh, migrated, demo-seeded PostgreSQL database per test class.</summary>
public class PostgresAppFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public DirectiveHubFactory Factory { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services over the app's own, for a fixture that needs to observe it (an interceptor, say).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable)))
        {
            // Each test reports the missing server itself (skip locally, fail on CI).
            return;
        }

        _database = await PostgresDatabase.CreateAsync();
        Factory = new DirectiveHubFactory(DatabaseProvider.Postgres, _database.ConnectionString, Settings, configureServices: ConfigureServices);
        _ = Factory.Server;
    }

    public AppDbContext CreateDbContext() => DatabaseSetup.Create(DatabaseProvider.Postgres, ConnectionString);

    /// <summary>Call at the start of every test: skips or fails it when PostgreSQL is missing.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Read as app.Require() at the top of each test.")]
    public void Require() => TestEnvironment.RequirePostgres();

    public virtual async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
