namespace DirectiveHub.Tests.Infrastructure;

/// <summary>
/// What the suite needs from the machine. Locally a missing PostgreSQL skips its tests; with CI=true it fails them,
/// so a CI run can never pass by skipping.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "DIRECTIVEHUB_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server connection string (no database chosen), or a skip/failure when there is none.</summary>
    public static string RequirePostgres()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        const string message = $"PostgreSQL is not configured: set {PostgresVariable} or run the README's test command.";
        if (IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
