using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Performance;

/// <summary>Counts every SQL command the app sends (reader, non-query, scalar), whichever request sends it.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

public sealed class CountingAppFixture : PostgresAppFixture
{
    public SqlCommandCounter Counter { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Counter));
}

/// <summary>
/// No N+1: the number of SQL commands each heavy page sends stays the same when the data behind it grows. The pages
/// are measured after a few directives are added and again after many more; any per-row query would show as growth.
/// </summary>
public sealed class QueryCountTests(CountingAppFixture app) : IClassFixture<CountingAppFixture>
{
    private const string Period = "preset=custom&from=2021-01-01&to=2026-12-31";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Heavy_pages_send_as_many_commands_for_many_directives_as_for_few()
    {
        app.Require();
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var officerApi = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var leader = app.Factory.CreateBrowserLikeClient();
        await leader.SignInOrFailAsync(DemoAccounts.Leader);
        var clerkPages = app.Factory.CreateBrowserLikeClient();
        await clerkPages.SignInOrFailAsync(DemoAccounts.Clerk);
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var leaderApi = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var sample = await app.DirectiveAsync("114-CV/HU");

        var pages = new (string Name, HttpClient Client, string Url)[]
        {
            ("dashboard", leader, $"/Dashboard?{Period}"),
            ("dashboard by week", leader, $"/Dashboard?{Period}&trendBy=week"),
            ("by directive", leader, $"/Dashboard/Directives?{Period}"),
            ("dashboard API", leaderApi, "/api/dashboard?from=2021-01-01&to=2026-12-31"),
            ("dashboard items", leader, $"/Dashboard/Items?from=2021-01-01&to=2026-12-31&status=all"),
            ("inbox", officer, "/Inbox"),
            ("outgoing search", clerkPages, "/Directives?q=tuyen%20truyen"),
            ("tracking", clerkPages, $"/Tracking/{sample}"),
        };

        await PublishAsync(clerk, officerApi, 3);
        var few = await MeasureAsync(pages);
        await PublishAsync(clerk, officerApi, 12);
        var many = await MeasureAsync(pages);

        foreach (var (name, _, _) in pages)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {few[name]} commands with few directives, {many[name]} with many");
            Assert.True(few[name] == many[name], $"{name}: {few[name]} SQL commands with few directives, {many[name]} with many.");
            Assert.InRange(many[name], 1, 25);
        }
    }

    private async Task<Dictionary<string, int>> MeasureAsync((string Name, HttpClient Client, string Url)[] pages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (name, client, url) in pages)
        {
            // Once to warm caches (key ring, compiled queries), then counted.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative), Cancel)).StatusCode);
            app.Counter.Reset();
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
            counts[name] = app.Counter.Count;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return counts;
    }

    /// <summary>Quốc Oai publishes directives carrying out 114-CV/HU, two tasks each for its communes; Sài Sơn acknowledges and reports.</summary>
    private async Task PublishAsync(HttpClient clerk, HttpClient officer, int count)
    {
        var communes = new List<Guid>();
        foreach (var code in new[] { "HN-QO-SS", "HN-QO-PC", "HN-QO-NL", "HN-QO-TTQO" })
        {
            communes.Add(await app.OrganizationAsync(code));
        }

        for (var i = 0; i < count; i++)
        {
            var created = await clerk.PostAsJsonAsync("/api/directives", new
            {
                documentType = "CV",
                subject = $"tuyên truyền đợt {i}",
                recipientOrganizationIds = communes,
                tasks = new object[]
                {
                    new { text = "Tuyên truyền tại thôn", deadline = "2026-11-10", leadOrganizationId = communes[0], coordinatingOrganizationIds = communes.Skip(1).ToArray(), subtasks = Array.Empty<object>() },
                    new { text = "Báo cáo kết quả", deadline = "2026-12-31", leadOrganizationId = communes[1], coordinatingOrganizationIds = new[] { communes[2] }, subtasks = Array.Empty<object>() },
                },
                signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
                references = new[] { new { number = "114-CV/HU" } },
            }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);
            if (i % 2 == 0)
            {
                Assert.True((await officer.PostAsync(new Uri($"/api/directives/{id}/acknowledge", UriKind.Relative), null, Cancel)).IsSuccessStatusCode);
            }
        }

        await using var db = app.CreateDbContext();
        Assert.True(await db.Directives.CountAsync(d => d.Subject.StartsWith("tuyên truyền đợt"), Cancel) >= count);
    }
}
