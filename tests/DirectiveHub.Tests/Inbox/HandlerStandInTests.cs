using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Time;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Inbox;

/// <summary>
/// Inside the receiving unit on PostgreSQL: an officer standing in for the unit's absent clerk names handlers on the
/// clerk's behalf (and the audit page says "X thay Y"), and the inbox names every handler of a unit's tasks.
/// Each test makes its own users and directive.
/// </summary>
public sealed class HandlerStandInTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_standing_in_for_the_absent_clerk_assigns_handlers_as_X_thay_Y_until_the_clerk_ends_it()
    {
        app.Require();
        var (directive, tasks) = await PublishAsync(1);
        var lead = tasks[0];
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clerkEmail = $"clerk.ss.{tag}@demo.local";
        var standInEmail = $"standin.{tag}@demo.local";
        await app.CreateUserAsync(clerkEmail, "HN-QO-SS", Roles.Clerk);
        var standIn = await app.CreateUserAsync(standInEmail, "HN-QO-SS", Roles.Officer);
        var colleagueEmail = $"colleague.{tag}@demo.local";
        var colleague = await app.CreateUserAsync(colleagueEmail, "HN-QO-SS", Roles.Officer);
        var handler = await app.CreateUserAsync($"handler.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var url = $"/api/task-assignments/{lead}/handler";
        var substitute = await app.Factory.ApiClientAsync(standInEmail);

        // Before any substitution the officer may not assign.
        Assert.Equal(HttpStatusCode.Forbidden, (await substitute.PutAsJsonAsync(url, new { handlerUserId = handler }, Cancel)).StatusCode);

        var today = VietnamTime.Today(app.Factory.Services.GetRequiredService<TimeProvider>());
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var absentClerk = await app.Factory.ApiClientAsync(clerkEmail);
        Assert.Equal(HttpStatusCode.Created, (await absentClerk.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = standIn, from = Day(0), to = Day(3) }, Cancel)).StatusCode);
        // A colleague stood in for by another officer lends no clerk's rights.
        var colleagueClient = await app.Factory.ApiClientAsync(colleagueEmail);
        Assert.Equal(HttpStatusCode.Created, (await colleagueClient.PostAsJsonAsync("/api/me/substitutes", new { substituteUserId = handler, from = Day(0), to = Day(3) }, Cancel)).StatusCode);
        var handlerClient = await app.Factory.ApiClientAsync($"handler.{tag}@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await handlerClient.PutAsJsonAsync(url, new { handlerUserId = colleague }, Cancel)).StatusCode);

        // The inbox page offers the stand-in the form and says on whose behalf.
        var pages = app.Factory.CreateBrowserLikeClient();
        await pages.SignInOrFailAsync(standInEmail);
        var inbox = await pages.GetDocumentAsync($"/Inbox/Directive/{directive}");
        Assert.Contains($"Bạn phân công thay {clerkEmail}", inbox.QuerySelector("[data-testid=assign-on-behalf]")!.TextContent, StringComparison.Ordinal);
        var posted = await pages.SubmitFormAsync($"/Inbox/Directive/{directive}", new Dictionary<string, string> { ["Handler.HandlerUserId"] = handler.ToString() }, "form[action*='handler=Handler']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var (assigned, onBehalf, auditName) = await app.QueryAsync(async db => (
            await db.TaskAssignments.Where(t => t.Id == lead).Select(t => t.HandlerUserId).SingleAsync(Cancel),
            await db.HandlerChanges.Where(c => c.TaskAssignmentId == lead).Select(c => c.OnBehalfOfUserId).SingleAsync(Cancel),
            await db.AuditEvents.Where(e => e.EntityId == lead.ToString() && e.Action == "HandlerAssigned").Select(e => e.OnBehalfOfName).SingleAsync(Cancel)));
        var absentId = await app.QueryAsync(db => db.Users.Where(u => u.Email == clerkEmail).Select(u => u.Id).SingleAsync(Cancel));
        Assert.Equal((handler, absentId, clerkEmail), (assigned, onBehalf, auditName));

        // Through the API too, and the administrator's audit page reads "X thay Y" like its CSV.
        Assert.Equal(HttpStatusCode.NoContent, (await substitute.PutAsJsonAsync(url, new { handlerUserId = colleague }, Cancel)).StatusCode);
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var audit = (await admin.GetDocumentAsync("/Admin/Audit?entityType=TaskAssignment")).QuerySelectorAll("tbody tr")
            .Where(r => r.TextContent.Contains("Phân công người xử lý", StringComparison.Ordinal) && r.TextContent.Contains(standInEmail, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, r => Assert.Contains($"{standInEmail} thay {clerkEmail}", r.TextContent, StringComparison.Ordinal));

        // Once the clerk is back, the officer's rights are their own again.
        Assert.Equal(HttpStatusCode.OK, (await absentClerk.DeleteAsync(new Uri("/api/me/substitutes", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await substitute.PutAsJsonAsync(url, new { handlerUserId = handler }, Cancel)).StatusCode);
        Assert.Null((await pages.GetDocumentAsync($"/Inbox/Directive/{directive}")).QuerySelector("form[action*='handler=Handler']"));
    }

    [Fact]
    public async Task The_inbox_names_every_handler_when_a_unit_has_several_tasks_in_one_directive()
    {
        app.Require();
        var (directive, tasks) = await PublishAsync(3);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clerkEmail = $"clerk.ss.{tag}@demo.local";
        await app.CreateUserAsync(clerkEmail, "HN-QO-SS", Roles.Clerk);
        var first = await app.CreateUserAsync($"a.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var second = await app.CreateUserAsync($"b.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var clerk = await app.Factory.ApiClientAsync(clerkEmail);
        // Tasks 1 and 3 go to the first officer, task 2 to the second: each name once, in task order.
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PutAsJsonAsync($"/api/task-assignments/{tasks[2]}/handler", new { handlerUserId = first }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PutAsJsonAsync($"/api/task-assignments/{tasks[1]}/handler", new { handlerUserId = second }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PutAsJsonAsync($"/api/task-assignments/{tasks[0]}/handler", new { handlerUserId = first }, Cancel)).StatusCode);

        var pages = app.Factory.CreateBrowserLikeClient();
        await pages.SignInOrFailAsync(clerkEmail);
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == directive).Select(d => d.Number).SingleAsync(Cancel));
        var row = (await pages.GetDocumentAsync("/Inbox")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(number!, StringComparison.Ordinal));
        Assert.Equal($"a.{tag}@demo.local, b.{tag}@demo.local", row.QuerySelector("[data-testid=inbox-handlers]")!.TextContent.Trim());

        var api = await clerk.GetFromJsonAsync<JsonElement>("/api/inbox", Cancel);
        var item = api.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("directiveId").GetGuid() == directive);
        Assert.Equal([$"a.{tag}@demo.local", $"b.{tag}@demo.local"], item.GetProperty("handlers").EnumerateArray().Select(h => h.GetString()).ToArray());
        Assert.Equal($"a.{tag}@demo.local", item.GetProperty("handler").GetString());
    }

    /// <summary>A directive of Quốc Oai with <paramref name="count"/> tasks, all led by Sài Sơn; the assignments in task order.</summary>
    private async Task<(Guid Directive, List<Guid> Tasks)> PublishAsync(int count)
    {
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"người thay {Guid.NewGuid():N}",
            recipientOrganizationIds = new[] { saiSon },
            tasks = Enumerable.Range(1, count).Select(i => (object)new { text = $"Việc thứ {i}", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() }).ToArray(),
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);
        var ids = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == id)
            .Join(db.DirectiveTasks, t => t.TaskId, d => d.Id, (t, d) => new { t.Id, d.Position })
            .OrderBy(x => x.Position).Select(x => x.Id).ToListAsync(Cancel));
        return (id, ids);
    }
}
