using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Api;

/// <summary>
/// The lifecycle after a report, through the API on PostgreSQL: review, extensions, urgings, refusal, cancellation,
/// reassignment and the tracking fields. Each test publishes its own directive, so none depends on another's data.
/// </summary>
public sealed class TaskLifecycleApiTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Done_needs_a_result_then_waits_for_the_issuer_who_returns_and_later_accepts_it()
    {
        app.Require();
        var (directive, lead, _) = await app.PublishAsync("2026-12-05");
        var officer = await AcknowledgedOfficerAsync(directive);

        var bare = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", note = "Xong" }, Cancel);
        await AssertFieldAsync(bare, "result");
        var badDate = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-13-01" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var future = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-12-01" } }, Cancel);
        await AssertFieldAsync(future, "result.issuedOn");

        var done = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-11-19" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var report = await done.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("AwaitingConfirmation", report.GetProperty("status").GetString());
        Assert.Equal("12-BC/ĐU", report.GetProperty("result").GetProperty("number").GetString());

        // The assignee never reviews its own result: 403 (it sees the assignment); another branch: 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "Dat" }, Cancel)).StatusCode);
        var conCuong = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "Dat" }, Cancel)).StatusCode);

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Return" }, Cancel), "reason");
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept" }, Cancel), "quality");
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Maybe" }, Cancel), "decision");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Return", reason = "Thiếu số liệu từng thôn" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Return", reason = "Lần nữa" }, Cancel)).StatusCode);

        var mine = await TrackedAsync(clerk, directive, lead);
        Assert.Equal(("Returned", "05", 1), (mine.GetProperty("status").GetString(), mine.GetProperty("exchangeStatusCode").GetString(), mine.GetProperty("returns").GetInt32()));

        using var form = new MultipartFormDataContent { { new StringContent("Done"), "status" }, { new StringContent("Bổ sung số liệu"), "note" } };
        var png = new ByteArrayContent(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        png.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(png, "evidence", "anh.png");
        var again = await officer.PostAsync(new Uri($"/api/task-assignments/{lead}/reports", UriKind.Relative), form, Cancel);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("evidence").GetInt32());

        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "Dat" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "XuatSac" }, Cancel)).StatusCode);

        mine = await TrackedAsync(clerk, directive, lead);
        Assert.Equal(("Done", "06", "Dat", "Early"), (mine.GetProperty("status").GetString(), mine.GetProperty("exchangeStatusCode").GetString(), mine.GetProperty("quality").GetString(), mine.GetProperty("timing").GetString()));
        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.EntityId == lead.ToString()).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Contains("ResultReturned", audit);
        Assert.Contains("ResultAccepted", audit);
        var notices = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.TaskAssignmentId == lead && n.Kind == DirectiveHub.Notifications.NotificationKind.Review, Cancel));
        Assert.Equal(2, notices);
        await AssertNoticesNameTheirTaskAsync(directive, lead);
    }

    [Fact]
    public async Task An_extension_is_requested_by_the_unit_and_decided_by_the_issuer_once()
    {
        app.Require();
        var (directive, lead, _) = await app.PublishAsync("2026-12-05");
        var officer = await AcknowledgedOfficerAsync(directive);
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        await AssertFieldAsync(await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-01", reason = "Chờ số liệu" }, Cancel), "proposedDeadline");
        await AssertFieldAsync(await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-20" }, Cancel), "reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-20", reason = "x" }, Cancel)).StatusCode);

        var created = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-20", reason = "Chờ số liệu của các chi bộ" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-25", reason = "Lần nữa" }, Cancel)).StatusCode);

        var pending = (await TrackedAsync(clerk, directive, lead)).GetProperty("pendingExtension");
        Assert.Equal(requestId, pending.GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/extension-requests/{requestId}/decision", new { approve = true }, Cancel)).StatusCode);
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/extension-requests/{requestId}/decision", new { approve = false }, Cancel), "reason");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/extension-requests/{requestId}/decision", new { approve = true }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/extension-requests/{requestId}/decision", new { approve = false, reason = "Đổi ý" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/extension-requests/{Guid.NewGuid()}/decision", new { approve = true }, Cancel)).StatusCode);

        var mine = await TrackedAsync(clerk, directive, lead);
        Assert.Equal(("2026-12-20", "2026-12-05", 1), (mine.GetProperty("deadline").GetString(), mine.GetProperty("originalDeadline").GetString(), mine.GetProperty("extensions").GetInt32()));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("pendingExtension").ValueKind);

        // An extension decided after the unit submitted its result: the state moved, 409.
        var second = await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/extension-requests", new { proposedDeadline = "2026-12-30", reason = "Thêm" }, Cancel);
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "15-BC/ĐU", issuedOn = "2026-11-20" } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/extension-requests/{secondId}/decision", new { approve = true }, Cancel)).StatusCode);
        await AssertNoticesNameTheirTaskAsync(directive, lead);
    }

    [Fact]
    public async Task Urgings_go_to_one_unit_or_in_bulk_are_counted_notified_and_mailed()
    {
        app.Require();
        var (directive, lead, coordinator) = await app.PublishAsync("2026-11-10");
        await AcknowledgedOfficerAsync(directive);
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);

        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/urgings", new { kind = "NhacNho", text = "" }, Cancel), "text");
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/urgings", new { kind = "NhacNho", text = new string('x', 2001) }, Cancel), "text");
        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/urgings", new { kind = "NhacNho", text = "x", reportBy = "2026-11-01" }, Cancel), "reportBy");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/urgings", new { kind = "NhacNho", text = "x" }, Cancel)).StatusCode);

        var one = await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/urgings", new { kind = "PheBinh", text = "Đề nghị báo cáo ngay", reportBy = "2026-11-25" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);

        // Phượng Cách has not acknowledged; both units are past the deadline of 10/11.
        var notAcknowledged = await clerk.PostAsJsonAsync($"/api/directives/{directive}/urgings", new { target = "NotAcknowledged", kind = "NhacNho", text = "Đề nghị xác nhận đã nhận văn bản" }, Cancel);
        Assert.Equal(1, (await notAcknowledged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
        var overdue = await clerk.PostAsJsonAsync($"/api/directives/{directive}/urgings", new { target = "Overdue", kind = "KiemDiem", text = "Yêu cầu kiểm điểm việc chậm trễ" }, Cancel);
        Assert.Equal(2, (await overdue.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/directives/{directive}/urgings", new { target = "Overdue", kind = "NhacNho", text = "x" }, Cancel)).StatusCode);

        Assert.Equal(2, (await TrackedAsync(clerk, directive, lead)).GetProperty("urgings").GetInt32());
        Assert.Equal(2, (await TrackedAsync(clerk, directive, coordinator)).GetProperty("urgings").GetInt32());
        var (urgings, notices, mails) = await app.QueryAsync(async db => (
            await db.Urgings.CountAsync(u => u.TaskAssignmentId == lead || u.TaskAssignmentId == coordinator, Cancel),
            await db.Notifications.CountAsync(n => (n.TaskAssignmentId == lead || n.TaskAssignmentId == coordinator) && n.Kind == DirectiveHub.Notifications.NotificationKind.Urging, Cancel),
            await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("urging:"), Cancel)));
        Assert.Equal((4, 4), (urgings, notices));
        Assert.True(mails >= 4);
        await AssertNoticesNameTheirTaskAsync(directive, lead, coordinator);
    }

    [Fact]
    public async Task A_unit_refuses_the_issuer_reassigns_and_cancels_and_finished_work_cannot_be_cancelled()
    {
        app.Require();
        var (directive, lead, coordinator) = await app.PublishAsync("2026-12-05");
        var officer = await AcknowledgedOfficerAsync(directive);
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        await AssertFieldAsync(await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/refuse", new { reason = " " }, Cancel), "reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/refuse", new { reason = "x" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/refuse", new { reason = "Không thuộc chức năng của đơn vị" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/refuse", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        var refused = await TrackedAsync(clerk, directive, lead);
        Assert.Equal(("Refused", "02"), (refused.GetProperty("status").GetString(), refused.GetProperty("exchangeStatusCode").GetString()));

        // The lead refused while the coordinator works: the task must get a new lead before the refused one is cancelled.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/cancel", new { reason = "x" }, Cancel)).StatusCode);
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var reassigned = await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/reassign", new { organizationId = ngocLiep }, Cancel);
        Assert.Equal(HttpStatusCode.Created, reassigned.StatusCode);
        var successor = (await reassigned.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/reassign", new { organizationId = ngocLiep }, Cancel)).StatusCode);
        // Ngọc Liệp had not received the directive: it receives it now, under the next arrival number of its register.
        var (arrival, registers) = await app.QueryAsync(async db => (
            await db.Assignments.Where(a => a.DirectiveId == directive && a.OrganizationId == ngocLiep).Select(a => new { a.ArrivalNumber, a.ArrivalYear }).SingleAsync(Cancel),
            await db.ArrivalRegisters.Where(r => r.OrganizationId == ngocLiep).Select(r => new { r.Year, r.LastIssued }).ToListAsync(Cancel)));
        Assert.NotNull(arrival.ArrivalNumber);
        Assert.Equal(arrival.ArrivalNumber, registers.Single(r => r.Year == arrival.ArrivalYear).LastIssued);
        var mine = await TrackedAsync(clerk, directive, successor);
        Assert.Equal(("Lead", "NotStarted", "01", "2026-12-05"), (mine.GetProperty("role").GetString(), mine.GetProperty("status").GetString(), mine.GetProperty("exchangeStatusCode").GetString(), mine.GetProperty("deadline").GetString()));

        await AssertFieldAsync(await clerk.PostAsJsonAsync($"/api/task-assignments/{coordinator}/cancel", new { reason = "" }, Cancel), "reason");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/task-assignments/{coordinator}/cancel", new { reason = "Không cần phối hợp" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/task-assignments/{coordinator}/cancel", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        var cancelled = await TrackedAsync(clerk, directive, coordinator);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());

        var task = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.Id == successor).Select(t => t.TaskId).SingleAsync(Cancel));
        var whole = await clerk.PostAsJsonAsync($"/api/tasks/{task}/cancel", new { reason = "Nhiệm vụ không còn cần thiết" }, Cancel);
        Assert.Equal(2, (await whole.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
        Assert.Equal("Cancelled", (await TrackedAsync(clerk, directive, successor)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/tasks/{task}/cancel", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        // Once nothing is left to cancel, the answer still depends first on who asks: the assignee sees the task but may not
        // cancel it (403), another district does not see it at all (404, as for a task that does not exist).
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/tasks/{task}/cancel", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        var conCuong = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.PostAsJsonAsync($"/api/tasks/{task}/cancel", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/cancel", new { reason = "Lần nữa" }, Cancel)).StatusCode);
        await AssertNoticesNameTheirTaskAsync(directive, lead, coordinator, successor);
    }

    [Fact]
    public async Task Two_clerks_deciding_at_once_one_wins_and_the_other_gets_409_with_nothing_half_written()
    {
        app.Require();
        var (directive, lead, _) = await app.PublishAsync("2026-12-05");
        var officer = await AcknowledgedOfficerAsync(directive);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "Done", result = new { number = "12-BC/ĐU", issuedOn = "2026-11-19" } }, Cancel)).StatusCode);
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var leader = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var version = (await TrackedAsync(clerk, directive, lead)).GetProperty("version").GetInt32();

        // Both saw the same version; whichever lands second is refused.
        var responses = await Task.WhenAll(
            clerk.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Accept", quality = "DatTot", version }, Cancel),
            leader.PostAsJsonAsync($"/api/task-assignments/{lead}/review", new { decision = "Return", reason = "Làm lại", version }, Cancel));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var state = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.Id == lead).Select(t => new { t.Status, t.ReturnCount, t.Quality }).SingleAsync(Cancel));
        var reviews = await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == lead.ToString() && (e.Action == "ResultAccepted" || e.Action == "ResultReturned"), Cancel));
        Assert.Equal(1, reviews);
        Assert.True(state.Status == DirectiveHub.Assignments.ProgressStatus.Done
            ? state.ReturnCount == 0 && state.Quality == DirectiveHub.Assignments.ResultQuality.DatTot
            : state.Status == DirectiveHub.Assignments.ProgressStatus.Returned && state.ReturnCount == 1 && state.Quality == null);
    }

    /// <summary>
    /// Every lifecycle notice about these assignments (review, extension, urging, refusal, reassignment, cancellation)
    /// names its task as the alerts do (#14 item 15): two notices about one directive never read alike.
    /// </summary>
    private async Task AssertNoticesNameTheirTaskAsync(Guid directive, params Guid[] assignments)
    {
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == directive).Select(d => d.Number).SingleAsync(Cancel));
        var titles = await app.QueryAsync(db => db.Notifications
            .Where(n => n.TaskAssignmentId != null && assignments.Contains(n.TaskAssignmentId.Value))
            .Select(n => n.Title).ToListAsync(Cancel));
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains($"hiệm vụ 1 của văn bản số {number}", t, StringComparison.Ordinal));
    }

    private async Task<HttpClient> AcknowledgedOfficerAsync(Guid directive)
    {
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        return officer;
    }

    private static async Task<JsonElement> TrackedAsync(HttpClient client, Guid directive, Guid taskAssignment)
    {
        var tracking = await client.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel);
        return tracking.GetProperty("tasks").EnumerateArray().SelectMany(t => t.GetProperty("assignments").EnumerateArray())
            .Single(a => a.GetProperty("taskAssignmentId").GetGuid() == taskAssignment);
    }

    [Fact]
    public async Task A_too_big_evidence_file_is_refused_with_a_Vietnamese_message_naming_the_field()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var directive = await app.DirectiveAsync("114-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var task = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive && t.OrganizationId == saiSon).Select(t => t.Id).FirstAsync(Cancel));

        using var form = new MultipartFormDataContent { { new StringContent("InProgress"), "status" }, { new StringContent("Kèm biên bản"), "note" } };
        var big = new ByteArrayContent(new byte[25 * 1024 * 1024]);
        big.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(big, "evidence", "bien-ban.pdf");
        var response = await officer.PostAsync(new Uri($"/api/task-assignments/{task}/reports", UriKind.Relative), form, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("Tệp quá lớn (tối đa 20 MB)", problem.GetProperty("errors").GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.ProgressReports.AnyAsync(r => r.TaskAssignmentId == task && r.Note == "Kèm biên bản", Cancel)));
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected an error on {field}: {problem}");
    }
}
