using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>The app with a scrape token: the test server's requests have no address, so they are never "local".</summary>
public sealed class MetricsAppFixture : PostgresAppFixture
{
    public const string Token = "scrape-token-for-tests";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Metrics:Token"] = Token };
}
