using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Cli;

public sealed class DatabaseCommandTests
{
    [Fact]
    public async Task Migrate_then_seed_demo_fills_an_empty_PostgreSQL_database_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:DirectiveHub"] = database.ConnectionString,
        };
        var output = new StringWriter();
        var cli = new CliApp(output, new StringWriter(), settings);

        Assert.Equal(0, await cli.RunAsync(["migrate"], TestContext.Current.CancellationToken));
        Assert.Equal(0, await cli.RunAsync(["seed", "--demo"], TestContext.Current.CancellationToken));
        Assert.Equal(0, await cli.RunAsync(["seed", "--demo"], TestContext.Current.CancellationToken));

        Assert.Contains("Database is up to date (Postgres).", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("clerk@demo.local", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("demo data was not added", output.ToString(), StringComparison.Ordinal);
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        Assert.Equal(["114-CV/HU", "213-CV/HU", "22-CV/BDVHU"], await db.Directives.Select(d => d.Number!).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_command_is_named_then_the_usage_follows_and_it_exits_2()
    {
        var error = new StringWriter();
        Assert.Equal(2, await new CliApp(new StringWriter(), error).RunAsync(["frobnicate"], TestContext.Current.CancellationToken));
        Assert.StartsWith("Unknown command 'frobnicate'.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("directivehub", error.ToString(), StringComparison.Ordinal);
    }
}
