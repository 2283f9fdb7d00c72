using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Jobs;

public sealed class WorkerAppFixture : PostgresAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Overdue:Enabled"] = "true" };
}

public sealed class OverdueWorkerTests(WorkerAppFixture app) : IClassFixture<WorkerAppFixture>
{
    [Fact]
    public async Task The_worker_sweeps_at_start_up_and_records_the_run()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !await app.QueryAsync(db => db.SweepRuns.AnyAsync(r => r.FinishedAt != null, cancel)))
        {
            await Task.Delay(100, cancel);
        }

        var run = await app.QueryAsync(db => db.SweepRuns.OrderBy(r => r.Id).FirstAsync(cancel));
        Assert.NotNull(run.FinishedAt);
        Assert.Null(run.Error);
        Assert.Equal(new DateOnly(2026, 11, 20), run.AsOf);

        // The demo's 2021 tasks that nobody finished are overdue by now, and their units were told.
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        Assert.True(await app.QueryAsync(db => db.TaskAssignments.AnyAsync(t => t.OrganizationId == saiSon && t.OverdueFlaggedAt != null, cancel)));
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.OrganizationId == saiSon && n.Kind == DirectiveHub.Notifications.NotificationKind.Overdue, cancel)));
        Assert.True(await app.QueryAsync(db => db.TaskAssignments.AllAsync(t => t.OverdueFlaggedAt == null || (t.Status != DirectiveHub.Assignments.ProgressStatus.Done && t.Status != DirectiveHub.Assignments.ProgressStatus.DoneLate), cancel)));

        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DirectiveHub.Seeding.DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync("/Admin/Sweeps");
        Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
    }
}
