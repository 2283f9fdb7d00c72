using System.Data.Common;
using DirectiveHub.Assignments;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Jobs;

public sealed class OverdueSweepTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static readonly OverdueOptions Options = new();
    private static readonly MailOptions Mail = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_task_due_on_a_date_becomes_overdue_at_midnight_after_it_in_Vietnam()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 3, 4));

        // 23:59 on 04/3 in Vietnam is 16:59 UTC; the runner reads the time from the (fake) clock.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 3, 4, 16, 59, 0, TimeSpan.Zero));
        await RunWithClockAsync(clock);
        Assert.Null(await FlaggedAtAsync(task));

        clock.Advance(TimeSpan.FromMinutes(1));
        await RunWithClockAsync(clock);
        Assert.Equal(new DateTime(2027, 3, 4, 17, 0, 0, DateTimeKind.Utc), await FlaggedAtAsync(task));
        Assert.Equal([Key(task, new DateOnly(2027, 3, 4), AlertLevel.Red, "superior"), Key(task, new DateOnly(2027, 3, 4), AlertLevel.Red, "unit")], await KeysAsync(task, NotificationKind.Overdue));
    }

    private async Task RunWithClockAsync(TimeProvider clock)
    {
        await using var db = app.CreateDbContext();
        await new SweepRunner(db, new OverdueSweep(db, Options), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SweepRunner>.Instance).RunAsync(null, false, Cancel);
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

        foreach (var task in tasks)
        {
            // Five working days late on 10/5/2027 (01/5 and 03/5 are days off): red and special red, once each.
            Assert.Equal(1, await check.Notifications.CountAsync(n => n.TaskAssignmentId == task && n.Kind == NotificationKind.SpecialRed, Cancel));
        }

        Assert.Equal(1, results.Count(r => r.Flagged > 0));
        Assert.Equal(1, results.Count(r => r.SpecialRed > 0));
        Assert.Equal(0, await check.Notifications.GroupBy(n => n.DedupKey).Where(g => g.Key != null && g.Count() > 1).CountAsync(Cancel));
        Assert.Equal(0, await check.OutboxMessages.Where(m => m.DedupKey.StartsWith("mail:alert")).GroupBy(m => new { m.To, m.CreatedAt }).Where(g => g.Count() > 1).CountAsync(Cancel));
    }

    [Fact]
    public async Task A_sweep_stopped_midway_leaves_nothing_and_the_next_one_finishes_without_duplicates()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 7, 1));
        var now = new DateTime(2027, 7, 5, 3, 0, 0, DateTimeKind.Utc);

        // The flags are written, then the sweep is cancelled as it writes the ladder's notices, before its commit.
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.UsePostgres(options, app.ConnectionString).AddInterceptors(new CancelOnNotices());
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
    public async Task The_yellow_alert_goes_three_working_days_before_the_deadline_once()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2027, 9, 10));

        await SweepAsync(new DateTime(2027, 9, 6, 3, 0, 0, DateTimeKind.Utc));
        Assert.Empty(await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2027, 9, 7, 3, 0, 0, DateTimeKind.Utc));
        await SweepAsync(new DateTime(2027, 9, 7, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(task, new DateOnly(2027, 9, 10), AlertLevel.Yellow, "unit")], await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2027, 9, 9, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(task, new DateOnly(2027, 9, 10), AlertLevel.Yellow, "unit")], await KeysAsync(task, NotificationKind.Reminder));
        var title = await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == task && n.Kind == NotificationKind.Reminder).Select(n => n.Title).SingleAsync(Cancel));
        Assert.StartsWith("Cảnh báo vàng: còn 3 ngày làm việc đến hạn (10/09/2027)", title, StringComparison.Ordinal);
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
        Assert.Contains($"Red {task} ", dry.ToString(), StringComparison.Ordinal);
        Assert.Null(await FlaggedAtAsync(task));
        Assert.Empty(await KeysAsync(task, NotificationKind.Overdue));

        var output = new StringWriter();
        Assert.Equal(0, await new CliApp(output, new StringWriter(), settings).RunAsync(["sweep", "--as-of", "2028-01-11"], Cancel));
        Assert.Matches(@"Flagged \d+ task assignments overdue", output.ToString());
        Assert.NotNull(await FlaggedAtAsync(task));
        Assert.Equal(2, (await KeysAsync(task, NotificationKind.Overdue)).Count);
        Assert.True(await app.QueryAsync(db => db.SweepRuns.AnyAsync(r => r.AsOf == new DateOnly(2028, 1, 11) && r.FinishedAt != null, Cancel)));

        // The operator replays the same day: nothing new is written or mailed.
        var outbox = await app.QueryAsync(db => db.OutboxMessages.CountAsync(Cancel));
        var replay = new StringWriter();
        Assert.Equal(0, await new CliApp(replay, new StringWriter(), settings).RunAsync(["sweep", "--as-of", "2028-01-11"], Cancel));
        Assert.Contains("alerts written: 0 yellow, 0 red, 0 special red; 0 mails queued", replay.ToString(), StringComparison.Ordinal);
        Assert.Equal(outbox, await app.QueryAsync(db => db.OutboxMessages.CountAsync(Cancel)));
        var refused = new StringWriter();
        Assert.Equal(2, await new CliApp(new StringWriter(), refused, settings).RunAsync(["sweep", "--as-of", "2026-13-45"], Cancel));
        Assert.StartsWith("--as-of needs a date as yyyy-MM-dd; '2026-13-45' is not one.", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_notices_are_mailed_through_the_outbox_which_retries_after_a_mail_server_failure()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2028, 3, 1), "HN-QO-SS");
        var now = new DateTime(2028, 3, 2, 3, 0, 0, DateTimeKind.Utc);
        await SweepAsync(now);

        // One mail for the officer from this sweep, whatever else fired for the unit at the same time (grouped).
        var directive = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.Id == task).Select(t => t.DirectiveId).SingleAsync(Cancel));
        var mail = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.To == "officer@demo.local" && m.CreatedAt == now).SingleAsync(Cancel));
        Assert.True(mail.LinkTarget == NoticeTarget.Inbox || (mail.LinkTarget, mail.LinkDirectiveId) == (NoticeTarget.ReceivedDirective, directive), $"{mail.LinkTarget} {mail.LinkDirectiveId}");
        Assert.Contains("Cảnh báo đỏ: quá hạn 01/03/2028", mail.Body, StringComparison.Ordinal);
        await SweepAsync(now.AddMinutes(5));
        Assert.Equal(1, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.DedupKey == mail.DedupKey, Cancel)));
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == "officer@demo.local" && m.CreatedAt == now.AddMinutes(5), Cancel)));

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(now));
        await using (var db = app.CreateDbContext())
        {
            var down = new OutboxDrain(db, new FailingSender(), Mail, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDrain>.Instance);
            var (sent, failed) = await down.RunAsync(1000, Cancel);
            Assert.Equal(0, sent);
            Assert.True(failed >= 1);
        }

        var afterFailure = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == mail.Id, Cancel));
        Assert.Equal((1, (DateTime?)null), (afterFailure.Attempts, afterFailure.SentAt));
        Assert.True(afterFailure.NextAttemptAt > now);

        var pickup = Path.Combine(Path.GetTempPath(), "dh-pickup-" + Guid.NewGuid().ToString("N"));
        clock.Advance(TimeSpan.FromMinutes(2));
        await using (var db = app.CreateDbContext())
        {
            var options = new MailOptions { PickupFolder = pickup, BaseUrl = "https://dh.example" };
            var links = new Web.Infrastructure.NoticeLinks(app.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.LinkGenerator>(), options);
            await new OutboxDrain(db, new PickupFolderMailSender(options), options, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDrain>.Instance, links: links).RunAsync(1000, Cancel);
        }

        Assert.NotNull((await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == mail.Id, Cancel))).SentAt);
        var files = Directory.GetFiles(pickup, "*.eml");
        Assert.Contains(files, f => File.ReadAllText(f).Contains("officer@demo.local", StringComparison.Ordinal) && File.ReadAllText(f).Contains("https://dh.example/Inbox", StringComparison.Ordinal));
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task Leaders_get_one_weekly_digest_of_the_overdue_items_in_their_subtree()
    {
        app.Require();
        await PublishTaskDueAsync(new DateOnly(2028, 6, 1));
        var quocOai = await app.OrganizationAsync("HN-QO");

        await SweepAsync(new DateTime(2028, 6, 5, 3, 0, 0, DateTimeKind.Utc));
        await SweepAsync(new DateTime(2028, 6, 6, 3, 0, 0, DateTimeKind.Utc));

        var digests = await app.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.Digest && n.OrganizationId == quocOai && n.DedupKey!.EndsWith("2028-W23")).ToListAsync(Cancel));
        var digest = Assert.Single(digests);
        Assert.Matches(@"\d+ nhiệm vụ quá hạn", digest.Title);
        Assert.StartsWith("Tổng hợp tuần 23/2028:", digest.Title, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.To == "leader@demo.local" && m.DedupKey.Contains("2028-W23"), Cancel)));
    }

    [Fact]
    public async Task A_deadline_moved_by_a_superseding_directive_is_honoured()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2028, 9, 1));
        await SweepAsync(new DateTime(2028, 9, 3, 3, 0, 0, DateTimeKind.Utc));
        Assert.NotNull(await FlaggedAtAsync(task));

        await using (var db = app.CreateDbContext())
        {
            var earlier = await db.Directives.Include(d => d.Recipients).Include(d => d.Tasks).SingleAsync(d => d.TaskAssignments.Any(t => t.Id == task), Cancel);
            var unit = earlier.Recipients.Single().OrganizationId!.Value;
            var correction = new Directive(earlier.IssuerId, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "TB", Subject = "thông báo thay thế", Recipients = [new(unit, "x")], Tasks = [new("Báo cáo", new DateOnly(2028, 9, 30), unit, [], [])] }, earlier.CreatedById, DateTime.UtcNow);
            correction.Supersede(earlier);
            db.Directives.Add(correction);
            await db.SaveChangesAsync(Cancel);
            var publisher = new DirectivePublisher(db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2028, 9, 4, 3, 0, 0, TimeSpan.Zero)));
            await publisher.PublishAsync(correction.Id, null, new Actor(earlier.CreatedById, "clerk@demo.local", earlier.IssuerId, null), Cancel);
        }

        var moved = await app.QueryAsync(db => db.TaskAssignments.SingleAsync(t => t.Id == task, Cancel));
        Assert.Equal((new DateOnly(2028, 9, 30), (DateTime?)null), (moved.Deadline, moved.OverdueFlaggedAt));
        await SweepAsync(new DateTime(2028, 9, 5, 3, 0, 0, DateTimeKind.Utc));
        Assert.Null(await FlaggedAtAsync(task));

        // The correction's assignment climbs its own ladder for the new deadline (Saturday 30/9/2028): yellow three
        // working days before it, red the day after; the superseded assignment gets nothing more.
        var current = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.Directive!.SupersedesId == db.TaskAssignments.Single(o => o.Id == task).DirectiveId).Select(t => t.Id).SingleAsync(Cancel));
        await SweepAsync(new DateTime(2028, 9, 27, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(current, new DateOnly(2028, 9, 30), AlertLevel.Yellow, "unit")], await KeysAsync(current, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2028, 10, 2, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(current, new DateOnly(2028, 9, 30), AlertLevel.Red, "superior"), Key(current, new DateOnly(2028, 9, 30), AlertLevel.Red, "unit")], await KeysAsync(current, NotificationKind.Overdue));
        Assert.Equal([Key(task, new DateOnly(2028, 9, 1), AlertLevel.Red, "superior"), Key(task, new DateOnly(2028, 9, 1), AlertLevel.Red, "unit")], await KeysAsync(task, NotificationKind.Overdue));
    }

    [Fact]
    public async Task A_deadline_moved_on_the_same_assignment_is_alerted_again_for_the_new_date()
    {
        app.Require();
        var task = await PublishTaskDueAsync(new DateOnly(2029, 3, 1));
        await SweepAsync(new DateTime(2029, 3, 7, 3, 0, 0, DateTimeKind.Utc));
        Assert.Single(await KeysAsync(task, NotificationKind.SpecialRed));

        // An approved extension (or any other change of the deadline in force) moves it to Friday 16/3/2029.
        await using (var db = app.CreateDbContext())
        {
            var assignment = await db.TaskAssignments.SingleAsync(t => t.Id == task, Cancel);
            assignment.MoveDeadline(new DateOnly(2029, 3, 16), new DateTime(2029, 3, 7, 4, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync(Cancel);
        }

        await SweepAsync(new DateTime(2029, 3, 8, 3, 0, 0, DateTimeKind.Utc));
        Assert.Empty(await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2029, 3, 13, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(task, new DateOnly(2029, 3, 16), AlertLevel.Yellow, "unit")], await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2029, 3, 22, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal([Key(task, new DateOnly(2029, 3, 1), AlertLevel.SpecialRed, "issuer"), Key(task, new DateOnly(2029, 3, 16), AlertLevel.SpecialRed, "issuer")], await KeysAsync(task, NotificationKind.SpecialRed));
    }

    private static string Key(Guid task, DateOnly deadline, AlertLevel level, string who) =>
        $"alert:{task:N}:{deadline:yyyyMMdd}:{level}:{who}";

    [Fact]
    public async Task Two_tasks_of_one_directive_overdue_on_the_same_day_get_notices_that_tell_them_apart()
    {
        app.Require();
        var tasks = await PublishTaskDueAsync(new DateOnly(2029, 3, 1), "HN-QO-NL", 2);

        await SweepAsync(new DateTime(2029, 3, 2, 3, 0, 0, DateTimeKind.Utc));

        var titles = await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId != null && tasks.Contains(n.TaskAssignmentId.Value) && n.Kind == NotificationKind.Overdue && n.DedupKey!.EndsWith(":unit")).Select(n => n.Title).ToListAsync(Cancel));
        Assert.Equal(2, titles.Count);
        Assert.Equal(2, titles.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(titles, t => t.Contains("nhiệm vụ 1 của văn bản số", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("nhiệm vụ 2 của văn bản số", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_yellow_alert_reaches_the_named_handler_and_their_stand_in_in_person_once()
    {
        app.Require();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var task = await PublishTaskDueAsync(new DateOnly(2027, 10, 15), "HN-QO-SS");
        var clerk = await app.CreateUserAsync($"clerk.{tag}@demo.local", "HN-QO-SS", Roles.Clerk);
        var handler = await app.CreateUserAsync($"handler.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var standIn = await app.CreateUserAsync($"standin.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        var bystander = await app.CreateUserAsync($"bystander.{tag}@demo.local", "HN-QO-SS", Roles.Officer);
        await using (var db = app.CreateDbContext())
        {
            var unit = await db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel);
            var assignment = await db.TaskAssignments.SingleAsync(t => t.Id == task, Cancel);
            var now = new DateTime(2027, 10, 1, 2, 0, 0, DateTimeKind.Utc);
            db.HandlerChanges.Add(assignment.AssignHandler(new(handler, unit, true), null, clerk, unit, assignerLeadsUnit: true, now));
            db.Substitutions.Add(Substitution.Name(new(handler, unit, true), new(standIn, unit, true), new DateOnly(2027, 10, 5), new DateOnly(2027, 10, 20), new DateOnly(2027, 10, 1), [], now));
            await db.SaveChangesAsync(Cancel);
        }

        // 12/10/2027 is three working days before Friday 15/10: yellow to the unit, and to the handler and stand-in by name.
        await SweepAsync(new DateTime(2027, 10, 11, 3, 0, 0, DateTimeKind.Utc));
        Assert.Empty(await KeysAsync(task, NotificationKind.Reminder));
        await SweepAsync(new DateTime(2027, 10, 12, 3, 0, 0, DateTimeKind.Utc));
        await SweepAsync(new DateTime(2027, 10, 13, 3, 0, 0, DateTimeKind.Utc));

        var yellow = Key(task, new DateOnly(2027, 10, 15), AlertLevel.Yellow, "unit");
        var person = yellow[..^"unit".Length] + "user:";
        Assert.Equal(
            new[] { yellow, $"{person}{handler:N}", $"{person}{standIn:N}" }.Order(StringComparer.Ordinal),
            (await KeysAsync(task, NotificationKind.Reminder)).Order(StringComparer.Ordinal));
        var personal = await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == task && n.UserId != null).Select(n => new { n.UserId, n.Title }).ToListAsync(Cancel));
        Assert.Equal(2, personal.Count);
        Assert.StartsWith("Cảnh báo vàng (bạn xử lý): còn 3 ngày làm việc đến hạn (15/10/2027)", personal.Single(n => n.UserId == handler).Title, StringComparison.Ordinal);
        Assert.StartsWith("Cảnh báo vàng (bạn xử lý thay): còn 3 ngày làm việc", personal.Single(n => n.UserId == standIn).Title, StringComparison.Ordinal);
        Assert.DoesNotContain(personal, n => n.UserId == bystander);
    }

    [Fact]
    public async Task Work_already_long_late_when_the_ladder_first_sees_it_is_counted_in_one_notice_per_recipient()
    {
        // The first sweep after an upgrade finds years of old overdue work: one notice per recipient and rung says how
        // many, instead of one per task (the exception view lists them). Work late a few days is alerted task by task.
        app.Require();
        var stale = await PublishTaskDueAsync(new DateOnly(2030, 4, 1), "HN-QO-PC");
        var fresh = await PublishTaskDueAsync(new DateOnly(2030, 6, 7), "HN-QO-PC");
        var (unit, issuer) = await app.QueryAsync(async db => (
            await db.Organizations.Where(o => o.Code == "HN-QO-PC").Select(o => o.Id).SingleAsync(Cancel),
            await db.Organizations.Where(o => o.Code == "HN-QO").Select(o => o.Id).SingleAsync(Cancel)));

        var result = await SweepAsync(new DateTime(2030, 6, 14, 3, 0, 0, DateTimeKind.Utc));

        Assert.Empty(await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == stale).ToListAsync(Cancel)));
        Assert.Equal(AlertLevel.SpecialRed, await app.QueryAsync(db => db.TaskAssignments.Where(t => t.Id == stale).Select(t => t.AlertedLevel).SingleAsync(Cancel)));
        Assert.Equal(
            [Key(fresh, new DateOnly(2030, 6, 7), AlertLevel.Red, "superior"), Key(fresh, new DateOnly(2030, 6, 7), AlertLevel.Red, "unit")],
            await KeysAsync(fresh, NotificationKind.Overdue));
        Assert.Single(await KeysAsync(fresh, NotificationKind.SpecialRed));

        var catchUp = await app.QueryAsync(db => db.Notifications.Where(n => n.DedupKey!.StartsWith("alert:catch-up:") && n.DedupKey.Contains(":20300614:")).ToListAsync(Cancel));
        var toUnit = Assert.Single(catchUp, n => n.OrganizationId == unit);
        Assert.Equal((NotificationKind.Overdue, NoticeTarget.Inbox), (toUnit.Kind, toUnit.Target));
        Assert.Matches("^Cảnh báo đỏ: [0-9]+ nhiệm vụ của đơn vị đã trễ hạn từ lâu", toUnit.Title);
        Assert.Contains(catchUp, n => n.OrganizationId == issuer && n.Kind == NotificationKind.SpecialRed && n.Target == NoticeTarget.Exceptions);
        Assert.True(result.SpecialRed >= 2);

        // The old work is recorded as alerted: the next day says nothing more about it.
        await SweepAsync(new DateTime(2030, 6, 17, 3, 0, 0, DateTimeKind.Utc));
        Assert.Empty(await app.QueryAsync(db => db.Notifications.Where(n => n.TaskAssignmentId == stale).ToListAsync(Cancel)));
        Assert.Empty(await app.QueryAsync(db => db.Notifications.Where(n => n.OrganizationId == unit && n.DedupKey!.StartsWith("alert:catch-up:") && n.DedupKey.Contains(":20300617:")).ToListAsync(Cancel)));
    }

    private async Task<Guid> PublishTaskDueAsync(DateOnly deadline, string unitCode = "HN-QO-NL") =>
        (await PublishTaskDueAsync(deadline, unitCode, 1)).Single();

    private async Task<List<Guid>> PublishTaskDueAsync(DateOnly deadline, string unitCode, int count)
    {
        await using var db = app.CreateDbContext();
        var issuer = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
        var parent = await db.Organizations.SingleAsync(o => o.Code == "HN", Cancel);
        var unit = await db.Organizations.SingleAsync(o => o.Code == unitCode, Cancel);
        var clerk = await db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(Cancel);
        var register = await db.NumberRegisters.SingleOrDefaultAsync(r => r.IssuerId == issuer.Id && r.DocumentType == "TB", Cancel);
        if (register is null)
        {
            register = new NumberRegister(issuer.Id, "TB", false, NumberingPeriod.Term, new DateOnly(2000, 1, 1), null);
            db.NumberRegisters.Add(register);
        }

        var directive = new Directive(issuer.Id, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "TB", Subject = "thông báo thử", Recipients = [new(unit.Id, unit.Name)], Tasks = Enumerable.Range(1, count).Select(i => new TaskContent(i == 1 ? "Báo cáo" : $"Báo cáo {i}", deadline, unit.Id, [], [])).ToList() }, clerk, DateTime.UtcNow);
        directive.Publish(register, issuer, parent, new DateOnly(2026, 11, 20), clerk, DateTime.UtcNow);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(Cancel);
        return directive.TaskAssignments.Select(t => t.Id).ToList();
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

    private sealed class FailingSender : IMailSender
    {
        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
    }

    private sealed class CancelOnNotices : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal)
                ? throw new OperationCanceledException("Stopped mid-sweep by the test.")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal)
                ? throw new OperationCanceledException("Stopped mid-sweep by the test.")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
