using DirectiveHub.Data;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Data;

/// <summary>Both providers' migrations apply to an empty database and match the model exactly.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task PostgreSQL_migrations_apply_from_empty_and_match_the_model()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            await AssertMigratesFromEmptyAsync(db);
        }
    }

    [Fact]
    public async Task SQLite_migrations_apply_from_empty_and_match_the_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dh-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = DatabaseSetup.Create(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
            await AssertMigratesFromEmptyAsync(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task AssertMigratesFromEmptyAsync(AppDbContext db)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetPendingMigrationsAsync(cancellationToken));

        await db.Database.MigrateAsync(cancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(cancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run dotnet ef migrations add for both providers.");
        Assert.Equal(0, await db.Organizations.CountAsync(cancellationToken));
    }
}
