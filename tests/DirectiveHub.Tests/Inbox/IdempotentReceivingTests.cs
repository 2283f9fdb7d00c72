using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Inbox;

/// <summary>A phone resends its queued actions when the connection returns: the same key never makes a second record.</summary>
public sealed class IdempotentReceivingTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_resent_with_the_same_key_is_recorded_once_and_a_withdrawn_directive_refuses_reports()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var directive = await app.DirectiveAsync("114-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var lead = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive && t.OrganizationId == saiSon && t.Role == AssignmentRole.Lead).Select(t => t.Id).SingleAsync(Cancel));

        var ackKey = Guid.NewGuid();
        var acks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Send(officer, $"/api/directives/{directive}/acknowledge", ackKey, null)));
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(ackKey, await app.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == directive && a.OrganizationId == saiSon).Select(a => a.AcknowledgmentKey).SingleAsync(Cancel)));

        var reportKey = Guid.NewGuid();
        var body = new { status = "InProgress", note = "Đang tuyên truyền ở 5 thôn." };
        var first = await Send(officer, $"/api/task-assignments/{lead}/reports", reportKey, body);
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Send(officer, $"/api/task-assignments/{lead}/reports", reportKey, body)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
        }

        Assert.Equal(1, await app.QueryAsync(db => db.ProgressReports.CountAsync(r => r.TaskAssignmentId == lead && r.IdempotencyKey == reportKey, Cancel)));
        var another = await Send(officer, $"/api/task-assignments/{lead}/reports", Guid.NewGuid(), body);
        Assert.Equal(HttpStatusCode.Created, another.StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.ProgressReports.CountAsync(r => r.TaskAssignmentId == lead, Cancel)));

        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/api/task-assignments/{lead}/reports") { Content = JsonContent.Create(body) };
        bad.Headers.TryAddWithoutValidation("Idempotency-Key", "not-a-guid");
        var refused = await officer.SendAsync(bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        await using (var db = app.CreateDbContext())
        {
            var withdrawn = await db.Directives.SingleAsync(d => d.Id == directive, Cancel);
            withdrawn.Withdraw(app.Factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Cancel);
        }

        var late = await Send(officer, $"/api/task-assignments/{lead}/reports", Guid.NewGuid(), body);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("đã bị thu hồi", (await late.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The retry of a report received before the withdrawal still answers with it: the phone learns it was sent.
        Assert.Equal(HttpStatusCode.Created, (await Send(officer, $"/api/task-assignments/{lead}/reports", reportKey, body)).StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.ProgressReports.CountAsync(r => r.TaskAssignmentId == lead, Cancel)));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, Guid key, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return await client.SendAsync(request, Cancel);
    }
}
