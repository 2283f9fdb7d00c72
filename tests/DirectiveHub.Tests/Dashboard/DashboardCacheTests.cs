using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Access;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Figures_are_computed_once_per_unit_and_filter_dropped_by_the_writes_that_change_them_and_never_shown_to_a_unit_that_may_not_see_them()
    {
        app.Require();
        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var first = await leader.GetFromJsonAsync<JsonElement>(Url, Cancel);

        // Asked again with nothing written, the same computation answers.
        var again = await leader.GetFromJsonAsync<JsonElement>(Url, Cancel);
        Assert.Equal(first.GetProperty("computedAt").GetDateTime(), again.GetProperty("computedAt").GetDateTime());

        // A directive published since is in the figures at once: the publish dropped the district's cached entry.
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
        Assert.Equal(first.GetProperty("directives").GetInt32() + 1, second.GetProperty("directives").GetInt32());
        Assert.Equal(first.GetProperty("taskAssignments").GetProperty("total").GetInt32() + 1, second.GetProperty("taskAssignments").GetProperty("total").GetInt32());

        // The commune's acknowledgment drops it again, and a leader refreshing sees the new rate.
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{id}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        var third = await leader.GetFromJsonAsync<JsonElement>(Url, Cancel);
        Assert.NotEqual(second.GetProperty("acknowledgmentRate").GetDouble(), third.GetProperty("acknowledgmentRate").GetDouble());

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

/// <summary>Holds the dashboard's shared computation at its first SQL command until the test lets it go.</summary>
public sealed class GatedDashboardFixture : PostgresAppFixture
{
    public DashboardGate Gate { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = "600" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Gate));
}

public sealed class DashboardGate : DbCommandInterceptor
{
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _armed;

    public Task Entered => _entered.Task;

    public void Arm()
    {
        _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _armed = true;
    }

    public void Release()
    {
        _armed = false;
        _release.TrySetResult();
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_armed)
        {
            _entered.TrySetResult();
            await _release.Task;
        }

        return result;
    }
}

public sealed class DashboardCacheSharingTests(GatedDashboardFixture app) : IClassFixture<GatedDashboardFixture>
{
    [Fact]
    public async Task A_caller_that_leaves_cancels_only_itself_and_the_others_waiting_on_the_same_figures_get_them()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var dashboards = app.Factory.Services.GetRequiredService<DashboardCache>();
        var quocOai = await app.OrganizationAsync("HN-QO");
        string path;
        await using (var db = app.CreateDbContext())
        {
            path = await db.Organizations.Where(o => o.Id == quocOai).Select(o => o.Path).SingleAsync(cancel);
        }

        var viewer = new Viewer(Guid.NewGuid(), quocOai, path, SeesSubtree: true, IsClerk: false);
        var filter = new DashboardFilter(quocOai, new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31));
        var today = new DateOnly(2026, 12, 1);

        // The first caller starts the shared computation, which the gate holds; a second caller joins it.
        app.Gate.Arm();
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var firstDb = app.CreateDbContext();
        var first = dashboards.GetAsync(firstDb, viewer, filter, today, leaving.Token);
        await app.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), cancel);
        await using var secondDb = app.CreateDbContext();
        var second = dashboards.GetAsync(secondDb, viewer, filter, today, cancel);
        await Task.Delay(300, cancel);

        // The first caller disconnects: its token is cancelled and its request's context disposed.
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
        await firstDb.DisposeAsync();
        app.Gate.Release();

        var view = await second;
        Assert.NotNull(view);
        Assert.True(view.Directives >= 1);
        Assert.Equal(view.ComputedAt, (await dashboards.GetAsync(secondDb, viewer, filter, today, cancel))!.ComputedAt);
    }
}
