using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Auditing;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Tracking;

/// <summary>
/// The tracking page and API on PostgreSQL for a whole task: the issuer cancels it (reason and confirmation), and the
/// task's state is the lead's, with the coordinating units' latest results beside the lead's. Each test publishes its
/// own directive.
/// </summary>
public sealed class TrackingTaskTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private const string CancelForm = "form[action*='handler=CancelTask']";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_issuers_clerk_cancels_a_whole_task_from_the_tracking_page_only_after_confirming_and_the_history_says_why()
    {
        app.Require();
        var (directive, lead, coordinator) = await app.PublishAsync();
        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        var url = $"/Tracking/{directive}";

        // Without the confirmation box: refused with a Vietnamese message beside the form, the reason kept, nothing cancelled.
        var unconfirmed = await clerk.SubmitFormAsync(url, new Dictionary<string, string> { ["Decision.Reason"] = "Nhiệm vụ đã được giao cho cấp trên" }, CancelForm);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var page = await PageClient.ParseAsync(unconfirmed);
        Assert.Contains("Hãy đánh dấu ô xác nhận", page.QuerySelector("#decision-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nhiệm vụ đã được giao cho cấp trên", page.QuerySelector($"{CancelForm} textarea")!.TextContent);
        Assert.Equal(0, await app.QueryAsync(db => db.TaskAssignments.CountAsync(t => t.DirectiveId == directive && t.Status == ProgressStatus.Cancelled, Cancel)));

        // Without a reason: the domain's message, nothing cancelled.
        var bare = await PageClient.ParseAsync(await clerk.SubmitFormAsync(url, new Dictionary<string, string> { ["Decision.Confirm"] = "true" }, CancelForm));
        Assert.Contains("Cần ghi lý do hủy", bare.QuerySelector("#decision-error")!.TextContent, StringComparison.Ordinal);

        // The assignee (an officer: the tracking pages are the committees') and another branch cannot post it.
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var fields = new Dictionary<string, string> { ["Decision.TaskId"] = TaskOf(page), ["Decision.Reason"] = "x", ["Decision.Confirm"] = "true" };
        var denied = await officer.SubmitFormAsync($"/Inbox/Directive/{directive}", fields, "main form[method=post]", $"{url}?handler=CancelTask");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        var conCuong = app.Factory.CreateBrowserLikeClient();
        await conCuong.SignInOrFailAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.SubmitFormAsync("/Account/Substitute", fields, "main form[method=post]", $"{url}?handler=CancelTask")).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.TaskAssignments.CountAsync(t => t.DirectiveId == directive && t.Status == ProgressStatus.Cancelled, Cancel)));

        var done = await clerk.SubmitFormAsync(url, new Dictionary<string, string> { ["Decision.Reason"] = "Nhiệm vụ không còn cần thiết", ["Decision.Confirm"] = "true" }, CancelForm);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await clerk.GetDocumentAsync(url);
        Assert.Contains("Đã hủy nhiệm vụ 1: 2 phần việc", after.QuerySelector(".alert-success[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ: Đã hủy", after.QuerySelector("[data-testid^=task-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(CancelForm));

        var (statuses, assignmentAudit, directiveAudit, notices) = await app.QueryAsync(async db => (
            await db.TaskAssignments.Where(t => t.DirectiveId == directive).Select(t => t.Status).ToListAsync(Cancel),
            await db.AuditEvents.CountAsync(e => (e.EntityId == lead.ToString() || e.EntityId == coordinator.ToString()) && e.Action == AuditActions.Cancelled, Cancel),
            await db.AuditEvents.Where(e => e.EntityType == "Directive" && e.EntityId == directive.ToString() && e.Action == AuditActions.TaskCancelled).Select(e => e.Details).ToListAsync(Cancel),
            await db.Notifications.CountAsync(n => n.DirectiveId == directive && n.Kind == DirectiveHub.Notifications.NotificationKind.Cancellation, Cancel)));
        Assert.All(statuses, s => Assert.Equal(ProgressStatus.Cancelled, s));
        Assert.Equal((2, 2), (assignmentAudit, notices));
        using var details = JsonDocument.Parse(Assert.Single(directiveAudit)!);
        Assert.Equal(("1", "Nhiệm vụ không còn cần thiết"), (details.RootElement.GetProperty("Task").GetString(), details.RootElement.GetProperty("Reason").GetString()));

        // The directive's history names the task and the reason.
        var history = (await clerk.GetDocumentAsync($"/Directives/Details/{directive}")).QuerySelector("section[aria-labelledby=history-heading]")!.TextContent;
        Assert.Contains("Hủy nhiệm vụ", history, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ 1: Nhiệm vụ không còn cần thiết", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_is_done_when_the_leads_result_is_accepted_and_the_coordinators_latest_results_show_beside_it()
    {
        app.Require();
        var (directive, lead, coordinator) = await app.PublishAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var pcEmail = $"pc.{tag}@demo.local";
        await app.CreateUserAsync(pcEmail, "HN-QO-PC", Roles.Officer);
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var pc = await app.Factory.ApiClientAsync(pcEmail);
        foreach (var unit in new[] { officer, pc })
        {
            Assert.Equal(HttpStatusCode.OK, (await unit.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await pc.PostAsJsonAsync($"/api/task-assignments/{coordinator}/reports", new { status = "Done", note = "Đã gửi số liệu cho đơn vị chủ trì", result = new { number = "05-BC/ĐU", issuedOn = "2026-11-18" } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-11-19" } }, Cancel)).StatusCode);

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var task = await TaskAsync(clerk, directive);
        Assert.Equal("Open", task.GetProperty("state").GetString());
        var beside = Assert.Single(task.GetProperty("coordinatorResults").EnumerateArray());
        Assert.Equal((coordinator, "AwaitingConfirmation", "05-BC/ĐU", "2026-11-18"), (beside.GetProperty("taskAssignmentId").GetGuid(), beside.GetProperty("status").GetString(), beside.GetProperty("result").GetProperty("number").GetString(), beside.GetProperty("result").GetProperty("issuedOn").GetString()));

        // The lead's accepted result closes the task, though the coordinator's still waits.
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "Dat" }, Cancel)).StatusCode);
        task = await TaskAsync(clerk, directive);
        Assert.Equal("DoneOnTime", task.GetProperty("state").GetString());
        Assert.Equal("AwaitingConfirmation", task.GetProperty("coordinatorResults")[0].GetProperty("status").GetString());

        var pages = app.Factory.CreateBrowserLikeClient();
        await pages.SignInOrFailAsync(DemoAccounts.Clerk);
        var document = await pages.GetDocumentAsync($"/Tracking/{directive}");
        Assert.Contains("Nhiệm vụ: Hoàn thành đúng hạn (theo kết quả của đơn vị chủ trì)", document.QuerySelector("[data-testid^=task-state]")!.TextContent, StringComparison.Ordinal);
        var phuongCach = await app.QueryAsync(db => db.Organizations.Where(o => o.Code == "HN-QO-PC").Select(o => o.Name).SingleAsync(Cancel));
        var results = Assert.Single(document.QuerySelectorAll("[data-testid=coordinator-results]")).TextContent;
        Assert.Contains(phuongCach, results, StringComparison.Ordinal);
        Assert.Contains("Chờ xác nhận · Kết quả: 05-BC/ĐU ngày 18/11/2026", results, StringComparison.Ordinal);
        Assert.Contains("Chủ trì", document.QuerySelector("[data-testid=coordinator-results]")!.Closest("tr")!.TextContent, StringComparison.Ordinal);

        // Another branch reads no tracking at all.
        var conCuong = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.GetAsync(new Uri($"/api/directives/{directive}/tracking", UriKind.Relative), Cancel)).StatusCode);
    }

    private static string TaskOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector($"{CancelForm} input[name='Decision.TaskId']")!.GetAttribute("value")!;

    private static async Task<JsonElement> TaskAsync(HttpClient client, Guid directive) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel)).GetProperty("tasks")[0];
}
