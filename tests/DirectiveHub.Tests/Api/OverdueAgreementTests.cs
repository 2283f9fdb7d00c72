using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Api;

/// <summary>With the overdue worker off (as in every test app), "overdue" is read from the rule, not from the sweep's flag.</summary>
public sealed class OverdueAgreementTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_the_tracking_and_the_directive_agree_that_Sai_Sons_2021_task_is_overdue_before_any_sweep()
    {
        app.Require();
        var id = await app.DirectiveAsync("114-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        Assert.False(await app.QueryAsync(db => db.TaskAssignments.AnyAsync(t => t.OverdueFlaggedAt != null, Cancel)));
        var openTasks = await app.QueryAsync(db => db.TaskAssignments
            .Where(t => t.DirectiveId == id && t.OrganizationId == saiSon && t.Status != DirectiveHub.Assignments.ProgressStatus.Done && t.Status != DirectiveHub.Assignments.ProgressStatus.DoneLate)
            .Select(t => t.Id).ToListAsync(Cancel));
        Assert.NotEmpty(openTasks);

        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/inbox", Cancel);
        var row = inbox.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("directiveId").GetGuid() == id);
        Assert.True(row.GetProperty("overdue").GetBoolean());
        var overdueOnly = await officer.GetFromJsonAsync<JsonElement>("/api/inbox?overdue=true", Cancel);
        Assert.Contains(overdueOnly.GetProperty("items").EnumerateArray(), r => r.GetProperty("directiveId").GetGuid() == id);

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var tracking = await clerk.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/tracking", Cancel);
        var tracked = tracking.GetProperty("tasks").EnumerateArray().SelectMany(t => t.GetProperty("assignments").EnumerateArray())
            .Where(a => openTasks.Contains(a.GetProperty("taskAssignmentId").GetGuid())).ToList();
        Assert.Equal(openTasks.Count, tracked.Count);
        Assert.All(tracked, a => Assert.True(a.GetProperty("overdue").GetBoolean()));

        foreach (var client in new[] { officer, clerk })
        {
            var whole = await client.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Cancel);
            var assignments = whole.GetProperty("tasks").EnumerateArray()
                .SelectMany(t => t.GetProperty("assignments").EnumerateArray().Concat(t.GetProperty("subtasks").EnumerateArray().SelectMany(s => s.GetProperty("assignments").EnumerateArray())))
                .Where(a => openTasks.Contains(a.GetProperty("id").GetGuid())).ToList();
            Assert.Equal(openTasks.Count, assignments.Count);
            Assert.All(assignments, a => Assert.True(a.GetProperty("overdue").GetBoolean()));
        }
    }
}
