using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Inbox;

public sealed class ReceivingTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reporting_needs_acknowledgment_first_and_a_result_for_done_and_a_result_accepted_after_the_deadline_is_done_late()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var directive = await app.DirectiveAsync("114-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var lead = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive && t.OrganizationId == saiSon && t.Role == DirectiveHub.Assignments.AssignmentRole.Lead).Select(t => t.Id).SingleAsync(Cancel));

        var early = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "InProgress" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("xác nhận đã nhận", (await early.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var ack = await officer.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("Trần Văn Minh", (await ack.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("acknowledgedBy").GetString());

        var noResult = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", note = "Đã tuyên truyền tại 12 thôn." }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noResult.StatusCode);
        Assert.True((await noResult.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("result", out _));
        var noNote = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Blocked" }, Cancel);
        Assert.True((await noNote.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("note", out _));

        var done = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", note = "Đã tuyên truyền tại 12 thôn.", result = new { number = "12-BC/ĐU", issuedOn = "2026-11-19" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Equal("AwaitingConfirmation", (await done.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());

        // Only the issuer's acceptance makes it done; submitted long after the 2021 deadline, it is done late.
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "Dat" }, Cancel)).StatusCode);
        var tracking = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel);
        var mine = tracking.GetProperty("tasks")[0].GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("taskAssignmentId").GetGuid() == lead);
        Assert.Equal(("DoneLate", false, "Lead"), (mine.GetProperty("status").GetString(), mine.GetProperty("overdue").GetBoolean(), mine.GetProperty("role").GetString()));
        Assert.NotNull(tracking.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("organizationId").GetGuid() == saiSon).GetProperty("acknowledgedAt").GetString());

        var notice = await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == lead && n.Kind == DirectiveHub.Notifications.NotificationKind.Report).Select(n => n.OrganizationId).SingleAsync(Cancel));
        Assert.Equal(await app.OrganizationAsync("HN-QO"), notice);
    }

    [Fact]
    public async Task Acknowledging_again_changes_nothing()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        var directive = await app.DirectiveAsync("114-CV/HU");

        var first = await (await officer.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await (await officer.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(first.GetProperty("acknowledgedAt").GetDateTime(), second.GetProperty("acknowledgedAt").GetDateTime());
        Assert.Equal(new DateTime(2021, 10, 31, 2, 0, 0, DateTimeKind.Utc), second.GetProperty("acknowledgedAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Phạm Thị Hoa", second.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task The_inbox_lists_only_what_is_addressed_to_the_unit_unacknowledged_first()
    {
        app.Require();
        var ngocLiepClient = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        var inbox = await ngocLiepClient.GetFromJsonAsync<JsonElement>("/api/inbox", Cancel);
        var numbers = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();

        Assert.Equal(["114-CV/HU"], numbers);
        var row = inbox.GetProperty("items")[0];
        Assert.Equal("2021-11-15", row.GetProperty("nearestDeadline").GetString());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.NotNull(row.GetProperty("acknowledgedAt").GetString());
        var unacknowledged = await ngocLiepClient.GetFromJsonAsync<JsonElement>("/api/inbox?acknowledged=false", Cancel);
        Assert.Equal(0, unacknowledged.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_sibling_unit_and_another_branch_get_404_on_every_receiving_route()
    {
        app.Require();
        var directive = await app.DirectiveAsync("114-CV/HU");
        var conCuongDirective = await app.DirectiveAsync("213-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var saiSonTask = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive && t.OrganizationId == saiSon).Select(t => t.Id).FirstAsync(Cancel));
        var sibling = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        var otherBranch = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PostAsJsonAsync($"/api/task-assignments/{saiSonTask}/reports", new { status = "InProgress" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync(new Uri($"/api/directives/{directive}/tracking", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PostAsync(new Uri($"/api/directives/{conCuongDirective}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync(new Uri($"/api/directives/{directive}/tracking", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.PostAsJsonAsync($"/api/task-assignments/{saiSonTask}/reports", new { status = "InProgress" }, Cancel)).StatusCode);

        var page = app.Factory.CreateBrowserLikeClient();
        await page.SignInOrFailAsync("officer.phuongcach@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync(new Uri($"/Inbox/Directive/{conCuongDirective}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.GetAsync(new Uri($"/Tracking/{directive}", UriKind.Relative), Cancel)).StatusCode);
        var clerkPage = app.Factory.CreateBrowserLikeClient();
        await clerkPage.SignInOrFailAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await clerkPage.GetAsync(new Uri($"/Tracking/{directive}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerkPage.GetAsync(new Uri($"/Inbox/Directive/{directive}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Tracking_lists_the_directives_that_carry_this_one_out_with_their_progress()
    {
        app.Require();
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var directive = await app.DirectiveAsync("114-CV/HU");
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "KH",
            subject = "triển khai Công văn số 114-CV/HU",
            recipientOrganizationIds = new[] { ngocLiep },
            tasks = new[] { new { text = "Tổ chức tuyên truyền", deadline = "2026-12-01", leadOrganizationId = ngocLiep, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { name = "Đàm Công Lợi" },
            references = new[] { new { directiveId = directive } },
        }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var number = (await (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("number").GetString();

        var tracking = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel);

        var child = tracking.GetProperty("implementedBy").EnumerateArray().Single(i => i.GetProperty("directiveId").GetGuid() == id);
        Assert.Equal((number, 1, 0), (child.GetProperty("number").GetString(), child.GetProperty("total").GetInt32(), child.GetProperty("done").GetInt32()));
        Assert.Equal(6, tracking.GetProperty("recipients").GetArrayLength());
        Assert.Equal(2, tracking.GetProperty("tasks").GetArrayLength());
        var notice = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.DirectiveId == id && n.OrganizationId == ngocLiep, Cancel));
        Assert.Equal(1, notice);
    }
}
