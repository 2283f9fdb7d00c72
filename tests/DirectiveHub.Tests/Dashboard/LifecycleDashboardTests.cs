using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DirectiveHub.Tests.Dashboard;

/// <summary>
/// A hand-built directive with an assignment in every lifecycle state, driven through the API, and the dashboard's
/// figures for it: cancelled work out of the rates and in its own column, awaiting confirmation, returned, no deadline,
/// due soon, extensions, urgings per kind, quality. Its own database: no other test's directives in the period.
/// </summary>
public sealed class LifecycleDashboardTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_counts_every_lifecycle_state_where_it_belongs()
    {
        app.Require();
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var phuongCachOfficer = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");

        // Open and overdue are a stock: the demo's 2021 work still outstanding counts in November too. What this test
        // adds is measured against it.
        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var before = (await leader.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel)).GetProperty("taskAssignments");
        (int, int, int, int, int) Counts(JsonElement c) =>
            (c.GetProperty("total").GetInt32(), c.GetProperty("open").GetInt32(), c.GetProperty("done").GetInt32(), c.GetProperty("doneLate").GetInt32(), c.GetProperty("overdue").GetInt32());
        var baseline = Counts(before);
        Assert.Equal(0, baseline.Item1);
        Assert.True(baseline.Item5 > 0, "the demo's 2021 overdue tasks are overdue this month");

        object Task(string text, string? deadline, Guid lead) => new { text, deadline, leadOrganizationId = lead, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() };
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "kiểm tra việc thực hiện các nhiệm vụ năm 2026",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            tasks = new[]
            {
                Task("Hoàn thành", "2026-12-05", saiSon),
                Task("Chờ xác nhận", "2026-12-05", saiSon),
                Task("Trả lại", "2026-12-05", saiSon),
                Task("Hủy", "2026-12-05", saiSon),
                Task("Không có hạn", null, saiSon),
                Task("Sắp đến hạn", "2026-11-22", saiSon),
                Task("Quá hạn", "2026-11-10", saiSon),
                Task("Từ chối", "2026-12-05", phuongCach),
            },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var directive = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{directive}/publish", UriKind.Relative), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        var ids = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive)
            .Join(db.DirectiveTasks, t => t.TaskId, d => d.Id, (t, d) => new { t.Id, d.Text }).ToDictionaryAsync(x => x.Text, x => x.Id, Cancel));

        async Task Post(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.NoContent) =>
            Assert.Equal(expected, (await client.PostAsJsonAsync(path, body, Cancel)).StatusCode);
        var result = new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-11-19" } };
        await Post(officer, $"/api/task-assignments/{ids["Hoàn thành"]}/reports", result, HttpStatusCode.Created);
        await Post(clerk, $"/api/task-assignments/{ids["Hoàn thành"]}/review", new { decision = "Accept", quality = "Dat" });
        await Post(officer, $"/api/task-assignments/{ids["Chờ xác nhận"]}/reports", result, HttpStatusCode.Created);
        await Post(officer, $"/api/task-assignments/{ids["Trả lại"]}/reports", result, HttpStatusCode.Created);
        await Post(clerk, $"/api/task-assignments/{ids["Trả lại"]}/review", new { decision = "Return", reason = "Thiếu số liệu" });
        var extension = await officer.PostAsJsonAsync($"/api/task-assignments/{ids["Trả lại"]}/extension-requests", new { proposedDeadline = "2026-12-10", reason = "Bổ sung số liệu" }, Cancel);
        var extensionId = (await extension.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await Post(clerk, $"/api/extension-requests/{extensionId}/decision", new { approve = true });
        await Post(clerk, $"/api/task-assignments/{ids["Hủy"]}/cancel", new { reason = "Không còn cần thiết" });
        await Post(officer, $"/api/task-assignments/{ids["Không có hạn"]}/reports", new { status = "InProgress" }, HttpStatusCode.Created);
        await Post(clerk, $"/api/task-assignments/{ids["Sắp đến hạn"]}/urgings", new { kind = "NhacNho", text = "Sắp đến hạn" }, HttpStatusCode.Created);
        await Post(clerk, $"/api/task-assignments/{ids["Quá hạn"]}/urgings", new { kind = "PheBinh", text = "Đã quá hạn" }, HttpStatusCode.Created);
        await Post(phuongCachOfficer, $"/api/task-assignments/{ids["Từ chối"]}/refuse", new { reason = "Không thuộc chức năng" });
        await Post(clerk, $"/api/task-assignments/{ids["Từ chối"]}/reassign", new { organizationId = ngocLiep }, HttpStatusCode.Created);

        var view = await leader.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel);

        // Rates leave the cancelled and the refused-then-reassigned work out: 8 assignments, 7 count (6 Sài Sơn, 1 Ngọc Liệp).
        var counts = view.GetProperty("taskAssignments");
        Assert.Equal((7, baseline.Item2 + 5, 1, 0, baseline.Item5 + 1), Counts(counts));

        var rows = view.GetProperty("lifecycle").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetGuid());
        var s = rows[saiSon];
        int N(JsonElement row, string name) => row.GetProperty(name).GetInt32();
        Assert.Equal(
            (1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1),
            (N(s, "awaitingConfirmation"), N(s, "oldestAwaitingDays"), N(s, "returned"), N(s, "cancelled"), N(s, "noDeadline"), N(s, "dueSoon"), N(s, "extensions"), N(s, "nhacNho"), N(s, "pheBinh"), N(s, "kiemDiem"), N(s, "dat")));
        Assert.Equal(1, N(rows[phuongCach], "cancelled"));
        Assert.Equal(0, N(rows[ngocLiep], "cancelled"));

        var tracking = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel);
        var statuses = tracking.GetProperty("tasks").EnumerateArray().SelectMany(t => t.GetProperty("assignments").EnumerateArray())
            .Select(a => a.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["AwaitingConfirmation", "Cancelled", "Done", "InProgress", "NotStarted", "NotStarted", "NotStarted", "Refused", "Returned"], statuses);

        // The workbook and the CSV carry the same figures as the page and the API.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Leader);
        var xlsx = await browser.GetAsync(new Uri("/Dashboard?handler=Xlsx&preset=custom&from=2026-11-01&to=2026-11-30", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        var sheet = stream.Query(useHeaderRow: true, sheetName: "Xác nhận và đôn đốc", startCell: "A3").Cast<IDictionary<string, object>>().ToList();
        var row = sheet.Single(r => (string)r["Đơn vị"] == s.GetProperty("name").GetString());
        double Cell(string column) => Convert.ToDouble(row[column], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            (1d, 1d, 1d, 1d, 1d, 1d, 1d, 1d, 0d, 1d),
            (Cell("Chờ cấp ủy xác nhận"), Cell("Bị trả lại"), Cell("Đã hủy"), Cell("Không có hạn"), Cell("Sắp đến hạn"), Cell("Số lần gia hạn"), Cell("Nhắc nhở"), Cell("Phê bình"), Cell("Yêu cầu kiểm điểm"), Cell("Đạt")));
        var csv = await browser.GetStringAsync(new Uri("/Dashboard?handler=Csv&table=lifecycle&preset=custom&from=2026-11-01&to=2026-11-30", UriKind.Relative), Cancel);
        Assert.Contains("Chờ cấp ủy xác nhận", csv, StringComparison.Ordinal);
        Assert.Contains(s.GetProperty("name").GetString()!, csv, StringComparison.Ordinal);

        // The by-directive view and the heat map say the same as the sheet: awaiting 1, returned 1, cancelled 2 (the
        // cancelled one and the refused one passed on), and cancelled work is outside "assigned".
        var sheetTotals = (
            rows.Values.Sum(r => N(r, "awaitingConfirmation")),
            rows.Values.Sum(r => N(r, "returned")),
            rows.Values.Sum(r => N(r, "cancelled")));
        Assert.Equal((1, 1, 2), sheetTotals);
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == directive).Select(d => d.Number).SingleAsync(Cancel));
        var byDirective = await browser.GetDocumentAsync("/Dashboard/Directives?preset=custom&from=2026-11-01&to=2026-11-30");
        var item = byDirective.QuerySelectorAll("[data-testid=by-directive] > li").Single(li => li.QuerySelector("a")!.TextContent.Trim() == number);
        Assert.Equal("Chờ cấp ủy xác nhận 1 · bị trả lại 1 · đã hủy 2", item.QuerySelector("[data-testid=directive-lifecycle]")!.TextContent.Trim());
        Assert.Contains("7 nhiệm vụ được giao", item.TextContent, StringComparison.Ordinal);
        var dashboard = await browser.GetDocumentAsync("/Dashboard?preset=custom&from=2026-11-01&to=2026-11-30");
        var heat = dashboard.QuerySelectorAll("[data-testid=heat-lifecycle]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["XN 0 · TL 0 · H 1", "XN 1 · TL 1 · H 1"], heat.Order(StringComparer.Ordinal).ToList());
    }
}
