using Npgsql;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>PostgreSQL's own client programs (psql, pg_dump, pg_restore) against the test server, as an operator runs them.</summary>
public static class PostgresTools
{
    public static string Bin()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_dump")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            const string message = "psql/pg_dump/pg_restore not found under /usr/lib/postgresql (scripts/test.sh installs them).";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        return bin!;
    }

    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>Runs <paramref name="tool"/> (psql, pg_dump…) with the server's host, port and user, the password in PGPASSWORD.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres());
        string[] connection = ["--host", builder.Host!, "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", builder.Username!, "--no-password"];
        return PublishedApp.RunAsync(Path.Combine(Bin(), tool), connection.Concat(arguments), TestContext.Current.CancellationToken, new Dictionary<string, string?> { ["PGPASSWORD"] = builder.Password });
    }
}
