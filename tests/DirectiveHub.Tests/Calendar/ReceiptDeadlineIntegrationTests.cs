using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Calendar;

/// <summary>A deadline "trong 10 ngày làm việc kể từ ngày nhận" fixed when a commune acknowledges, on PostgreSQL.</summary>
public sealed class ReceiptDeadlineIntegrationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commune_acknowledging_fixes_its_deadline_in_working_days_and_one_that_never_does_counts_from_delivery()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");

        // Published on Wednesday 30/12/2026 at 09:00 in Vietnam (signed in after the clock moves: tokens expire).
        app.Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "rà soát, báo cáo kết quả sinh hoạt chi bộ năm 2026",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            tasks = new object[]
            {
                new
                {
                    text = "Rà soát, báo cáo kết quả sinh hoạt chi bộ",
                    deadlineAfterReceipt = new { days = 10, workingDays = true },
                    leadOrganizationId = saiSon,
                    coordinatingOrganizationIds = new[] { phuongCach },
                    subtasks = Array.Empty<object>(),
                },
            },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var draft = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Cancel);
        var span = draft.GetProperty("tasks")[0].GetProperty("deadlineAfterReceipt");
        Assert.Equal((10, true), (span.GetProperty("days").GetInt32(), span.GetProperty("workingDays").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("tasks")[0].GetProperty("deadline").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);

        // Until receipt, nobody's deadline is known, and the tracking page says so.
        var before = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/tracking", Cancel);
        Assert.All(before.GetProperty("tasks")[0].GetProperty("assignments").EnumerateArray(), a =>
        {
            Assert.True(a.GetProperty("deadlinePending").GetBoolean());
            Assert.Equal(JsonValueKind.Null, a.GetProperty("deadline").ValueKind);
        });
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Clerk);
        var page = await browser.GetDocumentAsync($"/Tracking/{id}");
        Assert.Equal(2, page.QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "Hạn tính từ ngày nhận: chưa xác định"));
        Assert.Contains("trong 10 ngày làm việc kể từ ngày nhận văn bản", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Sài Sơn acknowledges on Thursday 31/12/2026: 01/01/2027 (Tết Dương lịch) and two weekends are skipped.
        app.Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 2, 0, 0, TimeSpan.Zero));
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{id}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);

        var fixedOnes = await app.QueryAsync(db => db.TaskAssignments.AsNoTracking().Where(t => t.DirectiveId == id).ToDictionaryAsync(t => t.OrganizationId, t => (t.Deadline, t.ReceivedOn), Cancel));
        Assert.Equal((new DateOnly(2027, 1, 15), new DateOnly(2026, 12, 31)), fixedOnes[saiSon]);
        Assert.Equal((null, null), fixedOnes[phuongCach]);
        var tracking = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/tracking", Cancel);
        var lead = tracking.GetProperty("tasks")[0].GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("organizationId").GetGuid() == saiSon);
        Assert.Equal("2027-01-15", lead.GetProperty("deadline").GetString());
        Assert.False(lead.GetProperty("deadlinePending").GetBoolean());
        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.Action == "Acknowledged" && e.EntityId == id.ToString()).Select(e => e.Details).SingleAsync(Cancel));
        Assert.Contains("\"DeadlinesFixed\":1", audit, StringComparison.Ordinal);

        // Phượng Cách never acknowledges: two working days after delivery (31/12 and 04/01) its clock starts at delivery.
        Assert.Equal(0, await FixUnacknowledgedAsync(new DateTime(2027, 1, 4, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(1, await FixUnacknowledgedAsync(new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(0, await FixUnacknowledgedAsync(new DateTime(2027, 1, 6, 2, 0, 0, DateTimeKind.Utc)));
        var coordinator = await app.QueryAsync(db => db.TaskAssignments.AsNoTracking().SingleAsync(t => t.DirectiveId == id && t.OrganizationId == phuongCach, Cancel));
        Assert.Equal((new DateOnly(2027, 1, 14), new DateOnly(2026, 12, 30)), (coordinator.Deadline, coordinator.ReceivedOn));

        // The sweep then sees ordinary deadlines: on Saturday 16/01/2027 both are late.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SweepRunner>().RunAsync(new DateTime(2027, 1, 16, 5, 0, 0, DateTimeKind.Utc), dryRun: false, Cancel);
        }

        Assert.Equal(2, await app.QueryAsync(db => db.TaskAssignments.CountAsync(t => t.DirectiveId == id && t.OverdueFlaggedAt != null, Cancel)));
    }

    private async Task<int> FixUnacknowledgedAsync(DateTime nowUtc)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiptDeadlines>().FixUnacknowledgedAsync(nowUtc, Cancel);
    }
}
