using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;

namespace DirectiveHub.Tests.Dashboard;

public sealed class CachedDashboardFixture : PostgresAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = "600" };
}

/// <summary>The dashboard cache serves the same figures to everyone allowed to see the unit, and to nobody else.</summary>
public sealed class DashboardCacheTests(CachedDashboardFixture app) : IClassFixture<CachedDashboardFixture>
{
    private const string Url = "/api/dashboard?from=2021-01-01&to=2026-12-31";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Figures_are_computed_once_per_unit_and_filter_and_never_shown_to_a_unit_that_may_not_see_them()
    {
        app.Require();
        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var first = await leader.GetFromJsonAsync<JsonElement>(Url, Cancel);

        // A directive published since is not in the cached figures, which say when they were computed.
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "kiểm tra bộ nhớ đệm",
            recipientOrganizationIds = new[] { saiSon },
            tasks = new[] { new { text = "Báo cáo", deadline = "2026-12-31", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);

        var second = await (await app.Factory.ApiClientAsync(DemoAccounts.Clerk)).GetFromJsonAsync<JsonElement>(Url, Cancel);
        Assert.Equal(first.GetProperty("directives").GetInt32(), second.GetProperty("directives").GetInt32());
        Assert.Equal(first.GetProperty("computedAt").GetDateTime(), second.GetProperty("computedAt").GetDateTime());

        // Another filter is computed afresh and sees the new directive.
        var fresh = await leader.GetFromJsonAsync<JsonElement>(Url + "&type=CV", Cancel);
        Assert.True(fresh.GetProperty("taskAssignments").GetProperty("total").GetInt32() >= 1);

        // A commune's leader cannot read the district's cached figures.
        await app.CreateUserAsync("leader.saison@demo.local", "HN-QO-SS", Roles.Leader);
        var commune = await app.Factory.ApiClientAsync("leader.saison@demo.local");
        var quocOai = await app.OrganizationAsync("HN-QO");
        Assert.Equal(HttpStatusCode.NotFound, (await commune.GetAsync(new Uri(Url + $"&organizationId={quocOai}", UriKind.Relative), Cancel)).StatusCode);
    }
}
