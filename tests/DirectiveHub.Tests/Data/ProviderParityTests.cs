using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Data;

/// <summary>
/// Where the code branches on the provider (the dashboard's median, the overdue sweep, search), the same demo data on
/// PostgreSQL and on SQLite must give the same figures: one scenario, run on both, compared figure by figure.
/// </summary>
public sealed class ProviderParityTests(PostgresAppFixture postgres) : IClassFixture<PostgresAppFixture>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dh-parity-{Guid.NewGuid():N}.db");
    private DirectiveHubFactory _sqlite = null!;

    public ValueTask InitializeAsync()
    {
        _sqlite = new DirectiveHubFactory(DatabaseProvider.Sqlite, $"Data Source={_file}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task PostgreSQL_and_SQLite_give_the_same_dashboard_inbox_search_and_sweep()
    {
        postgres.Require();
        var onPostgres = await ScenarioAsync(postgres.Factory);
        var onSqlite = await ScenarioAsync(_sqlite);

        Assert.Equal(onPostgres.Count, onSqlite.Count);
        foreach (var (figure, value) in onPostgres)
        {
            Assert.True(onSqlite.TryGetValue(figure, out var other), $"SQLite lacks {figure}");
            Assert.True(value == other, $"{figure}\n  PostgreSQL: {value}\n  SQLite:     {other}");
        }
    }

    /// <summary>Every figure of the scenario by name, ids replaced by names so that the two databases compare.</summary>
    private static async Task<Dictionary<string, string>> ScenarioAsync(DirectiveHubFactory factory)
    {
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        Guid quocOai, saiSon;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            quocOai = await db.Organizations.Where(o => o.Code == "HN-QO").Select(o => o.Id).SingleAsync(Cancel);
            saiSon = await db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel);
        }

        var leader = await factory.ApiClientAsync(DemoAccounts.Leader);
        var filters = new Dictionary<string, string>
        {
            ["period"] = "from=2021-10-01&to=2021-12-31",
            ["type"] = "from=2021-10-01&to=2021-12-31&type=CV",
            ["issuer"] = $"from=2021-10-01&to=2021-12-31&issuerId={quocOai}",
            ["other issuer"] = $"from=2021-10-01&to=2021-12-31&issuerId={saiSon}",
            ["weekly"] = "from=2021-09-01&to=2021-12-31&trendBy=week",
            ["empty"] = "from=2025-01-01&to=2025-01-31",
        };
        foreach (var (name, query) in filters)
        {
            var json = await leader.GetFromJsonAsync<JsonElement>($"/api/dashboard?{query}", Cancel);
            foreach (var property in new[] { "directives", "taskAssignments", "onTimeRate", "acknowledgmentRate", "medianHoursToAcknowledge", "trend" })
            {
                figures[$"dashboard {name} {property}"] = json.GetProperty(property).GetRawText();
            }

            figures[$"dashboard {name} units"] = string.Join(" | ", json.GetProperty("units").EnumerateArray().Select(u =>
                $"{u.GetProperty("name").GetString()} {u.GetProperty("assigned")} {u.GetProperty("acknowledged")} {u.GetProperty("done")} {u.GetProperty("doneLate")} {u.GetProperty("overdue")} {u.GetProperty("onTimeRate")}"));
            figures[$"dashboard {name} tree"] = string.Join(" | ", json.GetProperty("tree").EnumerateArray().Select(u =>
                $"{u.GetProperty("name").GetString()} {u.GetProperty("depth")} {u.GetProperty("assigned")} {u.GetProperty("done")} {u.GetProperty("overdue")}"));
            figures[$"dashboard {name} oldest overdue"] = string.Join(" | ", json.GetProperty("oldestOverdue").EnumerateArray().Select(o =>
                $"{o.GetProperty("number").GetString()} {o.GetProperty("unit").GetString()} {o.GetProperty("deadline").GetString()} {o.GetProperty("daysLate")}"));
        }

        var officer = await factory.ApiClientAsync(DemoAccounts.Officer);
        foreach (var query in new[] { string.Empty, "?overdue=true", "?acknowledged=false", "?q=covid" })
        {
            var inbox = await officer.GetFromJsonAsync<JsonElement>($"/api/inbox{query}", Cancel);
            figures[$"inbox {query}"] = string.Join(" | ", inbox.GetProperty("items").EnumerateArray().Select(r =>
                $"{r.GetProperty("number").GetString()} {r.GetProperty("nearestDeadline")} {r.GetProperty("overdue")}")) + $" total {inbox.GetProperty("total")}";
        }

        var clerk = await factory.ApiClientAsync(DemoAccounts.Clerk);
        foreach (var q in new[] { "phong chong dich", "114-CV/HU", "Covid", "khong co van ban nay" })
        {
            var found = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives?q={Uri.EscapeDataString(q)}", Cancel);
            figures[$"search {q}"] = string.Join(" | ", found.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("number").GetString()));
        }

        // The sweep as if it were 14/11/2021 in Vietnam: what it flags, the notices and reminders it writes, and the mail.
        using (var scope = factory.Services.CreateScope())
        {
            var asOf = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2021, 11, 14, 12, 0, 0, DateTimeKind.Unspecified), VietnamTime.Zone);
            var runner = scope.ServiceProvider.GetRequiredService<SweepRunner>();
            var dry = await runner.RunAsync(asOf, dryRun: true, Cancel);
            var result = await runner.RunAsync(asOf, dryRun: false, Cancel);
            var again = await runner.RunAsync(asOf.AddMinutes(5), dryRun: false, Cancel);
            figures["sweep"] = $"dry {dry.Flagged} {dry.DryRunAlerts.Count}, flagged {result.Flagged}, notices {result.Notified}, reminders {result.Reminders}, special red {result.SpecialRed}, mails {result.Mails}; again {again.Flagged} {again.Notified} {again.Reminders} {again.SpecialRed} {again.Mails}";
            Assert.Equal(dry.DryRunAlerts.Count, result.Notified + result.Reminders + result.SpecialRed);
            Assert.Equal(dry.Flagged, result.Flagged);

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var names = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Name, Cancel);
            var notices = await db.Notifications.Where(n => n.Kind == DirectiveHub.Notifications.NotificationKind.Overdue || n.Kind == DirectiveHub.Notifications.NotificationKind.Reminder || n.Kind == DirectiveHub.Notifications.NotificationKind.SpecialRed)
                .Select(n => new { n.Kind, n.Title, n.Target, n.OrganizationId, n.DedupKey, n.TaskAssignmentId }).ToListAsync(Cancel);
            var flagged = await db.TaskAssignments.Where(t => t.OverdueFlaggedAt != null).Select(t => new { t.Id, t.OrganizationId, t.Deadline }).ToListAsync(Cancel);
            figures["sweep flagged"] = string.Join(" | ", flagged.Select(t => $"{names[t.OrganizationId]} {t.Deadline}").Order(StringComparer.Ordinal));
            figures["sweep notices"] = string.Join(" | ", notices.Select(n => $"{n.Kind} {names[n.OrganizationId]} {n.Title} {n.Target} {n.DedupKey![..n.DedupKey!.IndexOf(':', StringComparison.Ordinal)]}{n.DedupKey[n.DedupKey.LastIndexOf(':')..]}").Order(StringComparer.Ordinal));
            figures["sweep mail"] = string.Join(" | ", (await db.OutboxMessages.Select(m => new { m.To, m.Subject, m.Body }).ToListAsync(Cancel)).Select(m => $"{m.To} {m.Subject} {m.Body.Split('\n').Length} lines").Order(StringComparer.Ordinal));
        }

        return figures;
    }
}
