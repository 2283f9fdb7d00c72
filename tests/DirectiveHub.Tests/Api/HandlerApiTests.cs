using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Time;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Api;

/// <summary>
/// Inside the receiving unit, through the API on PostgreSQL: a clerk of the unit names a task's handler and follower,
/// and a user names a substitute whose report is recorded as "X thay Y". Each test makes its own users and directive.
/// </summary>
public sealed class HandlerApiTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerk_of_the_unit_names_the_handler_who_shows_on_tracking_and_another_unit_gets_404_and_nothing_written()
    {
        app.Require();
        var (directive, lead) = await PublishAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unitClerkEmail = $"clerk.ss.{tag}@demo.local";
        await app.CreateUserAsync(unitClerkEmail, "HN-QO-SS", Roles.Clerk);
        var handler = await app.CreateUserAsync($"handler.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var follower = await app.CreateUserAsync($"follower.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var elsewhere = await app.CreateUserAsync($"pc.{tag}@demo.local", "HN-QO-PC", Roles.Officer);
        var unitClerk = await app.Factory.ApiClientAsync(unitClerkEmail);
        var url = $"/api/task-assignments/{lead}/handler";

        await AssertFieldAsync(await unitClerk.PutAsJsonAsync(url, new { followerUserId = follower }, Cancel), "handlerUserId");
        await AssertFieldAsync(await unitClerk.PutAsJsonAsync(url, new { handlerUserId = elsewhere }, Cancel), "handlerUserId");
        await AssertFieldAsync(await unitClerk.PutAsJsonAsync(url, new { handlerUserId = Guid.NewGuid() }, Cancel), "handlerUserId");
        await AssertFieldAsync(await unitClerk.PutAsJsonAsync(url, new { handlerUserId = handler, followerUserId = handler }, Cancel), "followerUserId");

        // An officer of the unit may not assign; another branch sees nothing; the issuer follows but does not assign.
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync(url, new { handlerUserId = handler }, Cancel)).StatusCode);
        var conCuong = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await conCuong.PutAsJsonAsync(url, new { handlerUserId = handler }, Cancel)).StatusCode);
        var issuerClerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await issuerClerk.PutAsJsonAsync(url, new { handlerUserId = handler }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unitClerk.PutAsJsonAsync($"/api/task-assignments/{Guid.NewGuid()}/handler", new { handlerUserId = handler }, Cancel)).StatusCode);
        var untouched = await app.QueryAsync(async db => (
            await db.TaskAssignments.Where(t => t.Id == lead).Select(t => t.HandlerUserId).SingleAsync(Cancel),
            await db.HandlerChanges.CountAsync(c => c.TaskAssignmentId == lead, Cancel),
            await db.AuditEvents.CountAsync(e => e.EntityId == lead.ToString() && e.Action == "HandlerAssigned", Cancel)));
        Assert.Equal((null, 0, 0), untouched);

        Assert.Equal(HttpStatusCode.NoContent, (await unitClerk.PutAsJsonAsync(url, new { handlerUserId = handler, followerUserId = follower }, Cancel)).StatusCode);
        var tracked = await TrackedAsync(issuerClerk, directive, lead);
        Assert.Equal(($"handler.{tag}@demo.local", $"follower.{tag}@demo.local"), (tracked.GetProperty("handler").GetString(), tracked.GetProperty("follower").GetString()));

        // Reassigning keeps the history; each named officer gets a notice of their own, which the rest of the unit does not see.
        Assert.Equal(HttpStatusCode.NoContent, (await unitClerk.PutAsJsonAsync(url, new { handlerUserId = follower }, Cancel)).StatusCode);
        var (changes, audit, personal) = await app.QueryAsync(async db => (
            await db.HandlerChanges.Where(c => c.TaskAssignmentId == lead).OrderBy(c => c.AssignedAt).Select(c => c.HandlerUserId).ToListAsync(Cancel),
            await db.AuditEvents.CountAsync(e => e.EntityId == lead.ToString() && e.Action == "HandlerAssigned", Cancel),
            await db.Notifications.Where(n => n.TaskAssignmentId == lead && n.Kind == DirectiveHub.Notifications.NotificationKind.Handling).Select(n => n.UserId).ToListAsync(Cancel)));
        Assert.Equal([handler, follower], changes);
        Assert.Equal(2, audit);
        Assert.Equal(3, personal.Count);
        Assert.All(personal, p => Assert.NotNull(p));
        var officerId = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(Cancel));
        Assert.False(await app.QueryAsync(db => db.Notifications.Where(DirectiveHub.Notifications.Notification.SeenBy(tracked.GetProperty("organizationId").GetGuid(), officerId)).AnyAsync(n => n.TaskAssignmentId == lead && n.Kind == DirectiveHub.Notifications.NotificationKind.Handling, Cancel)));
        Assert.Equal($"follower.{tag}@demo.local", (await TrackedAsync(issuerClerk, directive, lead)).GetProperty("handler").GetString());
    }

    [Fact]
    public async Task A_substitute_named_for_an_absence_reports_on_the_handlers_work_as_X_thay_Y_until_it_is_ended()
    {
        app.Require();
        var (directive, lead) = await PublishAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unitClerkEmail = $"clerk.ss.{tag}@demo.local";
        await app.CreateUserAsync(unitClerkEmail, "HN-QO-SS", Roles.Clerk);
        var absentEmail = $"absent.{tag}@demo.local";
        var standInEmail = $"standin.{tag}@demo.local";
        var absent = await app.CreateUserAsync(absentEmail, "HN-QO-SS", Roles.Officer);
        var standIn = await app.CreateUserAsync(standInEmail, "HN-QO-SS", Roles.Officer);
        var elsewhere = await app.CreateUserAsync($"pc.{tag}@demo.local", "HN-QO-PC", Roles.Officer);
        var unitClerk = await app.Factory.ApiClientAsync(unitClerkEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await unitClerk.PutAsJsonAsync($"/api/task-assignments/{lead}/handler", new { handlerUserId = absent }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unitClerk.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);

        var today = VietnamTime.Today(app.Factory.Services.GetRequiredService<TimeProvider>());
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var me = await app.Factory.ApiClientAsync(absentEmail);
        await AssertFieldAsync(await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, to = Day(3) }, Cancel), "from");
        await AssertFieldAsync(await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, from = Day(-1), to = Day(3) }, Cancel), "from");
        await AssertFieldAsync(await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, from = Day(0), to = Day(Substitution.MaxDays) }, Cancel), "to");
        await AssertFieldAsync(await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = elsewhere, from = Day(0), to = Day(3) }, Cancel), "substituteUserId");
        Assert.False(await app.QueryAsync(db => db.Substitutions.AnyAsync(s => s.AbsentUserId == absent, Cancel)));

        var created = await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, from = Day(0), to = Day(3) }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var substitutionId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await AssertFieldAsync(await me.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, from = Day(2), to = Day(5) }, Cancel), "from");

        var substitute = await app.Factory.ApiClientAsync(standInEmail);
        var listed = await substitute.GetFromJsonAsync<JsonElement>("/api/me/substitutes", Cancel);
        Assert.Equal(absentEmail, listed.EnumerateArray().Single().GetProperty("absentName").GetString());

        var report = await substitute.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "InProgress", note = "Báo cáo thay" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var (onBehalf, auditName) = await app.QueryAsync(async db => (
            await db.ProgressReports.Where(r => r.TaskAssignmentId == lead && r.Note == "Báo cáo thay").Select(r => r.OnBehalfOfUserId).SingleAsync(Cancel),
            await db.AuditEvents.Where(e => e.EntityId == lead.ToString() && e.Action == "Reported").OrderByDescending(e => e.Id).Select(e => e.OnBehalfOfName).FirstAsync(Cancel)));
        Assert.Equal((absent, absentEmail), (onBehalf, auditName));

        // Only the absent user ends it; afterwards the colleague's report is their own.
        Assert.Equal(HttpStatusCode.NotFound, (await substitute.DeleteAsync(new Uri($"/api/me/substitutes/{substitutionId}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync(new Uri($"/api/me/substitutes/{substitutionId}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await substitute.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "InProgress", note = "Tự báo cáo" }, Cancel)).StatusCode);
        Assert.Null(await app.QueryAsync(db => db.ProgressReports.Where(r => r.TaskAssignmentId == lead && r.Note == "Tự báo cáo").Select(r => r.OnBehalfOfUserId).SingleAsync(Cancel)));
        Assert.Equal(0, (await (await me.DeleteAsync(new Uri("/api/me/substitutes", UriKind.Relative), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
    }

    /// <summary>A directive of Quốc Oai with one task led by Sài Sơn.</summary>
    private async Task<(Guid Directive, Guid Lead)> PublishAsync()
    {
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"phân công xử lý {Guid.NewGuid():N}",
            recipientOrganizationIds = new[] { saiSon },
            tasks = new object[] { new { text = "Báo cáo kết quả", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);
        return (id, await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == id).Select(t => t.Id).SingleAsync(Cancel)));
    }

    private static async Task<JsonElement> TrackedAsync(HttpClient client, Guid directive, Guid taskAssignment)
    {
        var tracking = await client.GetFromJsonAsync<JsonElement>($"/api/directives/{directive}/tracking", Cancel);
        return tracking.GetProperty("tasks").EnumerateArray().SelectMany(t => t.GetProperty("assignments").EnumerateArray())
            .Single(a => a.GetProperty("taskAssignmentId").GetGuid() == taskAssignment);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected an error on {field}: {problem}");
    }
}
