using System.Data.Common;
using DirectiveHub.Assignments;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveHub.Tests.Jobs;

public sealed class OverdueSweepTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static readonly OverdueOptions Options = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_task_due_on_a_date_becomes_overdue_at_midnight_after_it_in_Vietnam()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 3, 4));

        // 23:59 on 04/3 in Vietnam is 16:59 UTC.
        await SweepAsync(new DateTime(2027, 3, 4, 16, 59, 0, DateTimeKind.Utc));
        Assert.Null(await FlaggedAtAsync(task));

        var midnight = new DateTime(2027, 3, 4, 17, 0, 0, DateTimeKind.Utc);
        await SweepAsync(midnight);
        Assert.Equal(midnight, await FlaggedAtAsync(task));
        Assert.Equal([$"overdue:{task}:issuer", $"overdue:{task}:unit"], await KeysAsync(task, NotificationKind.Overdue));
    }

    [Fact]
    public async Task Three_sweepers_at_once_flag_each_assignment_once_and_write_each_notice_once()
    {
        app.Require();
        var tasks = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            tasks.Add(await PublishTaskDueAsync(new DateOnly(2027, 5, 1)));
        }

        var now = new DateTime(2027, 5, 10, 3, 0, 0, DateTimeKind.Utc);
        using var start = new SemaphoreSlim(0);
        var sweeps = Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = app.CreateDbContext();
            await start.WaitAsync(Cancel);
            return await new OverdueSweep(db, Options).RunAsync(now, false, Cancel);
        }).ToList();
        start.Release(3);
        var results = await Task.WhenAll(sweeps);

        await using var check = app.CreateDbContext();
        foreach (var task in tasks)
        {
            Assert.Equal(now, await FlaggedAtAsync(task));
            Assert.Equal(2, await check.Notifications.CountAsync(n => n.TaskAssignmentId == task && n.Kind == NotificationKind.Overdue, Cancel));
        }

        Assert.Equal(1, results.Count(r => r.Flagged > 0));
        Assert.Equal(0, await check.Notifications.GroupBy(n => n.DedupKey).Where(g => g.Key != null && g.Count() > 1).CountAsync(Cancel));
    }

    [Fact]
    public async Task A_sweep_stopped_midway_leaves_nothing_and_the_next_one_finishes_without_duplicates()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 7, 1));
        var now = new DateTime(2027, 7, 5, 3, 0, 0, DateTimeKind.Utc);

        // The flags and notices are written, then the sweep is cancelled before its reminders and its commit.
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.UsePostgres(options, app.ConnectionString).AddInterceptors(new CancelOnReminders());
        await using (var interrupted = new PostgresAppDbContext(options.Options))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OverdueSweep(interrupted, Options).RunAsync(now, false, Cancel));
        }

        Assert.Null(await FlaggedAtAsync(task));
        Assert.Empty(await KeysAsync(task, NotificationKind.Overdue));

        var result = await SweepAsync(now);
        Assert.True(result.Flagged >= 1);
        Assert.Equal(now, await FlaggedAtAsync(task));
        Assert.Equal(2, (await KeysAsync(task, NotificationKind.Overdue)).Count);
        await SweepAsync(now.AddMinutes(5));
        Assert.Equal(2, (await KeysAsync(task, NotificationKind.Overdue)).Count);
    }

    [Fact]
    public async Task Reminders_go_three_days_and_one_day_before_the_deadline_once_each()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 9, 10));

        await SweepAsync(new DateTime(2027, 9, 6, 3, 0, 0, DateTimeKind.Utc));
        Assert.Empty(await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2027, 9, 7, 3, 0, 0, DateTimeKind.Utc));
        await SweepAsync(new DateTime(2027, 9, 7, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal([$"remind:{task}:3"], await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2027, 9, 9, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([$"remind:{task}:1", $"remind:{task}:3"], await KeysAsync(task, NotificationKind.Reminder));
    }

    [Fact]
    public async Task The_sweep_command_reports_a_dry_run_and_sweeps_as_of_a_date()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2028, 1, 10));
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:DirectiveHub"] = app.ConnectionString };

        var dry = new StringWriter();
        Assert.Equal(0, await new CliApp(dry, new StringWriter(), settings).RunAsync(["sweep", "--as-of", "2028-01-11", "--dry-run"], Cancel));
        Assert.Contains(task.ToString(), dry.ToString(), StringComparison.Ordinal);
        Assert.Null(await FlaggedAtAsync(task));

        var output = new StringWriter();
        Assert.Equal(0, await new CliApp(output, new StringWriter(), settings).RunAsync(["sweep", "--as-of", "2028-01-11"], Cancel));
        Assert.Matches(@"Flagged \d+ task assignments overdue", output.ToString());
        Assert.NotNull(await FlaggedAtAsync(task));
        Assert.True(await app.QueryAsync(db => db.SweepRuns.AnyAsync(r => r.AsOf == new DateOnly(2028, 1, 11) && r.FinishedAt != null, Cancel)));
        Assert.Equal(2, await new CliApp(new StringWriter(), new StringWriter(), settings).RunAsync(["sweep", "--as-of", "yesterday"], Cancel));
    }

    private async Task<Guid> PublishTaskDueAsync(DateOnly deadline)
    {
        await using var db = app.CreateDbContext();
        var issuer = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
        var parent = await db.Organizations.SingleAsync(o => o.Code == "HN", Cancel);
        var unit = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-NL", Cancel);
        var clerk = await db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(Cancel);
        var register = await db.NumberRegisters.SingleOrDefaultAsync(r => r.IssuerId == issuer.Id && r.DocumentType == "TB", Cancel);
        if (register is null)
        {
            register = new NumberRegister(issuer.Id, "TB", false, NumberingPeriod.Term, new DateOnly(2000, 1, 1), null);
            db.NumberRegisters.Add(register);
        }

        var directive = new Directive(issuer.Id, new DirectiveContent { DocumentType = "TB", Subject = "thông báo thử", Recipients = [new(unit.Id, unit.Name)], Tasks = [new("Báo cáo", deadline, unit.Id, [], [])] }, clerk, DateTime.UtcNow);
        directive.Publish(register, issuer, parent, new DateOnly(2026, 11, 20), clerk, DateTime.UtcNow);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(Cancel);
        return directive.TaskAssignments.Single().Id;
    }

    private async Task<SweepResult> SweepAsync(DateTime now)
    {
        await using var db = app.CreateDbContext();
        return await new OverdueSweep(db, Options).RunAsync(now, false, Cancel);
    }

    private Task<DateTime?> FlaggedAtAsync(Guid task) =>
        app.QueryAsync(db => db.TaskAssignments.Where(t => t.Id == task).Select(t => t.OverdueFlaggedAt).SingleAsync(Cancel));

    private Task<List<string>> KeysAsync(Guid task, NotificationKind kind) =>
        app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == task && n.Kind == kind).Select(n => n.DedupKey!).OrderBy(k => k).ToListAsync(Cancel));

    private sealed class CancelOnReminders : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("'Reminder'", StringComparison.Ordinal)
                ? throw new OperationCanceledException("Stopped mid-sweep by the test.")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
