using System.Net;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Data;

/// <summary>The whole app on the embedded default: a SQLite file, migrated and seeded at start-up.</summary>
public sealed class SqliteSmokeTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dh-smoke-{Guid.NewGuid():N}.db");
    private DirectiveHubFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        // Development, as `dotnet run` starts it: the container validates every service at build time there.
        _factory = new DirectiveHubFactory(DatabaseProvider.Sqlite, $"Data Source={_file}", environment: "Development");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_app_starts_on_SQLite_seeded_and_ready_and_a_clerk_sees_the_sample_directives()
    {
        var client = _factory.CreateBrowserLikeClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var page = await client.GetDocumentAsync("/Directives");
        var numbers = page.QuerySelectorAll("td.number").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("114-CV/HU", numbers);

        var search = await client.GetDocumentAsync("/Directives?q=phong+chong+dich");
        Assert.Contains("114-CV/HU", search.QuerySelectorAll("td.number").Select(td => td.TextContent.Trim()));
        var none = await client.GetDocumentAsync("/Directives?q=khong+co+van+ban+nay");
        Assert.Empty(none.QuerySelectorAll("td.number"));

        // The leader's dashboard and the officer's inbox run their aggregates on SQLite too.
        var leader = _factory.CreateBrowserLikeClient();
        await leader.SignInOrFailAsync(DemoAccounts.Leader);
        var dashboard = await leader.GetDocumentAsync("/Dashboard?preset=custom&from=2021-10-01&to=2021-11-30");
        Assert.NotNull(dashboard.QuerySelector("canvas#trend"));
        Assert.Contains("ĐẢNG ỦY XÃ SÀI SƠN", dashboard.Body!.TextContent, StringComparison.Ordinal);
        var officer = _factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var inbox = await officer.GetDocumentAsync("/Inbox");
        Assert.Contains("114-CV/HU", inbox.Body!.TextContent, StringComparison.Ordinal);
    }
}
