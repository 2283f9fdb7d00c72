using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Operations;

public sealed class MigrationScriptTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migration_script_for_DBAs_builds_the_schema_and_is_safe_to_run_twice()
    {
        TestEnvironment.RequirePostgres();
        PostgresTools.Bin();
        await using var database = await PostgresDatabase.CreateAsync();
        var output = new StringWriter();
        Assert.Equal(0, await new CliApp(output, new StringWriter(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:DirectiveHub"] = database.ConnectionString,
        }).RunAsync(["migrate", "--script"], Cancel));
        var script = output.ToString();
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);

        // As a DBA applies it: psql, stopping at the first error, twice.
        var file = Path.Combine(Path.GetTempPath(), $"directivehub-migrate-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script, Cancel);
        try
        {
            for (var run = 0; run < 2; run++)
            {
                var (exitCode, log) = await PostgresTools.RunAsync("psql", ["-v", "ON_ERROR_STOP=1", "--quiet", "--dbname", PostgresTools.DatabaseName(database.ConnectionString), "--file", file]);
                Assert.True(exitCode == 0, log);
            }
        }
        finally
        {
            File.Delete(file);
        }

        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.Equal(0, await db.StoredFiles.CountAsync(Cancel));
    }
}
