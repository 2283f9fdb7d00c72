using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Calendar;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Dashboard;

/// <summary>The exception view: only late items, worst first, days late in working days, over the viewer's subtree.</summary>
public sealed class ExceptionViewTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static readonly WorkingCalendar Seeded = new(WorkingCalendarSeed.Days.Select(d => (d.Date, d.Kind)));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Quoc_Oai_leader_sees_the_2021_overdue_tasks_of_114_CV_HU_as_special_red_in_working_days()
    {
        app.Require();
        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var directive = await app.DirectiveAsync("114-CV/HU");
        var today = DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime.AddHours(7));
        var open = await app.QueryAsync(db => db.TaskAssignments
            .Where(t => t.DirectiveId == directive)
            .Where(Assignments.TaskAssignmentState.IsOverdue(today))
            .Select(t => new { t.Id, t.Deadline })
            .ToListAsync(Cancel));
        Assert.NotEmpty(open);

        var items = (await leader.GetFromJsonAsync<JsonElement>($"/api/exceptions?directiveId={directive}", Cancel)).EnumerateArray().ToList();
        var quocOai = await app.OrganizationAsync("HN-QO");

        Assert.Equal(open.Select(o => o.Id).Order(), items.Select(i => i.GetProperty("taskAssignmentId").GetGuid()).Order());
        Assert.All(items, i =>
        {
            var deadline = DateOnly.Parse(i.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("SpecialRed", i.GetProperty("level").GetString());
            Assert.Equal(Seeded.WorkingDaysBetween(deadline, today), i.GetProperty("daysLate").GetInt32());
            Assert.True(i.GetProperty("daysLate").GetInt32() < today.DayNumber - deadline.DayNumber);
            Assert.Equal(quocOai, i.GetProperty("decidingOrganizationId").GetGuid());
            Assert.Equal("HUYỆN ỦY QUỐC OAI", i.GetProperty("decidingOrganizationName").GetString());
        });

        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Leader);
        var page = await browser.GetDocumentAsync($"/Dashboard/Exceptions?directive={directive}");
        var rows = page.QuerySelectorAll("[data-testid=exceptions] tbody tr").ToList();
        Assert.Equal(items.Count, rows.Count);
        Assert.All(rows, r => Assert.Contains("Đỏ đặc biệt", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("114-CV/HU", rows[0].QuerySelector("a")!.TextContent, StringComparison.Ordinal);
        var csv = await browser.GetStringAsync(new Uri($"/Dashboard/Exceptions?handler=Csv&directive={directive}", UriKind.Relative), Cancel);
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("\"Việc trễ hạn cần xử lý — HUYỆN ỦY QUỐC OAI, tính đến ngày 20/11/2026, văn bản 114-CV/HU\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Mức,Đơn vị trễ hạn,Số ngày làm việc trễ", lines[2], StringComparison.Ordinal);
        Assert.Equal(items.Count + 3, lines.Count);
    }

    [Fact]
    public async Task A_hand_built_case_gives_exactly_the_late_items_worst_first_with_what_is_missing()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        // Today is Friday 20/11/2026: due Wednesday 18/11 is 2 working days late, due Friday 13/11 is 5.
        object Task(string text, string deadline, Guid lead) => new { text, deadline, leadOrganizationId = lead, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() };
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "kiểm tra việc thực hiện nghị quyết",
            recipientOrganizationIds = new[] { saiSon, phuongCach, ngocLiep },
            tasks = new[]
            {
                Task("Báo cáo sơ kết", "2026-11-18", saiSon),
                Task("Tổng hợp ý kiến", "2026-11-13", phuongCach),
                Task("Lập kế hoạch năm sau", "2026-12-15", ngocLiep),
            },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);

        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        await officer.PostAsync(new Uri($"/api/directives/{id}/acknowledge", UriKind.Relative), null, Cancel);
        var saiSonTask = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == id && t.OrganizationId == saiSon).Select(t => t.Id).SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{saiSonTask}/reports", new { status = "Blocked", note = "Vướng mắc kinh phí, đề nghị Huyện ủy cho gia hạn." }, Cancel)).StatusCode);

        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var items = (await leader.GetFromJsonAsync<JsonElement>($"/api/exceptions?directiveId={id}", Cancel)).EnumerateArray()
            .Select(i => $"{i.GetProperty("organizationId").GetGuid()} {i.GetProperty("level").GetString()} {i.GetProperty("daysLate").GetInt32()} {i.GetProperty("missing").GetString()} {i.GetProperty("blocker").GetString()}")
            .ToList();

        Assert.Equal(
            new[] { $"{phuongCach} SpecialRed 5 NoAcknowledgment ", $"{saiSon} Red 2 NoResult Vướng mắc kinh phí, đề nghị Huyện ủy cho gia hạn." },
            items);
        var onlySaiSon = await leader.GetFromJsonAsync<JsonElement>($"/api/exceptions?directiveId={id}&unitId={saiSon}", Cancel);
        Assert.Equal(1, onlySaiSon.GetArrayLength());

        // A commune's view holds its own items only; another branch and an officer see nothing of Quốc Oai.
        var communeView = await leader.GetFromJsonAsync<JsonElement>($"/api/exceptions?organizationId={phuongCach}&directiveId={id}", Cancel);
        Assert.Equal(phuongCach, Assert.Single(communeView.EnumerateArray()).GetProperty("organizationId").GetGuid());
        await app.CreateUserAsync("leader.hadong@demo.local", "HN-HD", Roles.Leader);
        var otherBranch = await app.Factory.ApiClientAsync("leader.hadong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync(new Uri($"/api/exceptions?organizationId={await app.OrganizationAsync("HN-QO")}", UriKind.Relative), Cancel)).StatusCode);
        Assert.DoesNotContain((await otherBranch.GetFromJsonAsync<JsonElement>("/api/exceptions", Cancel)).EnumerateArray(), i => i.GetProperty("directiveId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri("/api/exceptions", UriKind.Relative), Cancel)).StatusCode);
    }
}
