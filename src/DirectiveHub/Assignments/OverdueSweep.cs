using DirectiveHub.Calendar;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>
/// Flags task assignments that are overdue (<see cref="TaskAssignmentState.IsOverdue"/>, the rule every page shows) and
/// not yet flagged, then climbs the alert ladder (<see cref="AlertLadder"/>, in working days on the calendar): yellow
/// to the unit, red to the unit and its superior committee, special red to the level that assigned the task, each
/// once per assignment, deadline and recipient, in-app and by mail through the outbox, one grouped mail per person
/// and sweep. All in one transaction. The dry run lists exactly what a sweep would flag and alert. On PostgreSQL a
/// transaction-scoped advisory lock lets one instance sweep at a time, and every notice and mail carries a unique key:
/// a sweep never flags twice or notifies twice, and a sweep stopped midway rolls back whole for the next one to finish.
/// </summary>
public sealed class OverdueSweep(AppDbContext db, OverdueOptions options, ExceptionOptions? exceptions = null)
{
    // Any constant unique to this job; other advisory locks in the database must not use it.
    private const long LockKey = 0x44485F4F56455244; // "DH_OVERD"

    public async Task<SweepResult> RunAsync(DateTime nowUtc, bool dryRun, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(nowUtc));
        var ladder = new AlertLadder(
            await WorkingCalendarService.ReadAsync(db, cancellationToken),
            options.YellowWorkingDays,
            (exceptions ?? new ExceptionOptions()).SpecialRedWorkingDays);
        if (dryRun)
        {
            var ids = await Due(today).AsNoTracking()
                .OrderBy(t => t.Deadline)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
            var (alerts, _) = await AlertsAsync(ladder, nowUtc, today, cancellationToken);
            return new SweepResult(ids.Count, 0, 0, false, ids)
            {
                DryRunAlerts = alerts.Where(a => a.To != Recipient.Handler).Select(a => $"{a.Level} {a.Notice.TaskAssignmentId} {a.Notice.OrganizationId}").ToList(),
            };
        }

        return await db.InTransactionAsync(token => SweepOnceAsync(ladder, nowUtc, today, token), cancellationToken);
    }

    private async Task<SweepResult> SweepOnceAsync(AlertLadder ladder, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        int flagged;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var locked = (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
            if (!locked)
            {
                return SweepResult.LockHeld;
            }

            flagged = await Due(today).ExecuteUpdateAsync(s => s.SetProperty(t => t.OverdueFlaggedAt, nowUtc), cancellationToken);
        }
        else
        {
            // SQLite runs a single instance (the embedded default): the same rule, through the entities.
            var due = await Due(today).ToListAsync(cancellationToken);
            foreach (var task in due)
            {
                task.MarkOverdue(nowUtc);
            }

            flagged = due.Count;
            await db.SaveChangesAsync(cancellationToken);
        }

        var (fresh, rungs) = await AlertsAsync(ladder, nowUtc, today, cancellationToken);
        await RecordRungsAsync(rungs, cancellationToken);
        db.Notifications.AddRange(fresh.Select(a => a.Notice));
        var mails = await QueueMailAsync(fresh, nowUtc, today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var digests = await DigestAsync(ladder, nowUtc, today, cancellationToken);
        return new SweepResult(flagged, fresh.Count(a => a.Level == AlertLevel.Red), fresh.Count(a => a.Level == AlertLevel.Yellow && a.To != Recipient.Handler), false, [])
        {
            SpecialRed = fresh.Count(a => a.Level == AlertLevel.SpecialRed),
            Digests = digests,
            Mails = mails,
        };
    }

    /// <summary>What a sweep on <paramref name="today"/> flags: overdue by the shared rule, and not flagged yet.</summary>
    public IQueryable<TaskAssignment> Due(DateOnly today) =>
        db.TaskAssignments.Where(TaskAssignmentState.IsOverdue(today)).Where(t => t.OverdueFlaggedAt == null);

    /// <summary>
    /// The ladder's notices due on <paramref name="today"/> and not written before (by their keys), and the rung each
    /// assignment reaches (<see cref="RecordRungsAsync"/> writes them). Reads only outstanding assignments due by the
    /// yellow horizon that have not reached special red for their deadline in force, and only the columns it needs:
    /// the first sweep over years of late work reads 100,000 of them.
    /// </summary>
    private async Task<(List<Alert> Alerts, List<Rung> Rungs)> AlertsAsync(AlertLadder ladder, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = ladder.YellowHorizon(today);
        var candidates = await db.TaskAssignments.AsNoTracking()
            .Where(TaskAssignmentState.IsOutstanding)
            // A result waiting for the issuer is never overdue (TaskAssignmentState): nothing to chase the unit for.
            .Where(t => t.Status != ProgressStatus.AwaitingConfirmation)
            .Where(t => t.Deadline != null && t.Deadline <= horizon)
            // Moving a deadline clears the rung reached (TaskAssignment.MoveDeadline), so a special red recorded is always
            // for the deadline in force. Kept in the shape of IX_TaskAssignments_Deadline_Alerting's filter.
            .Where(t => t.AlertedLevel == null || t.AlertedLevel != AlertLevel.SpecialRed)
            .Select(t => new
            {
                t.Id,
                t.DirectiveId,
                t.OrganizationId,
                Deadline = t.Deadline!.Value,
                t.AlertedDeadline,
                t.AlertedLevel,
                t.HandlerUserId,
                t.Directive!.Number,
                t.Directive.IssuerId,
                // Two tasks of one directive due the same day must not read alike: each notice names its task.
                TaskLabel = db.DirectiveTasks.Where(d => d.Id == t.TaskId).Select(d => d.Label).First(),
                Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => new { o.Name, o.ParentId }).First(),
                // The handler's stand-in while they are away (X thay Y) gets the handler's alerts too.
                Substitute = db.Substitutions.Where(Users.Substitution.ActiveOn(today)).Where(s => s.AbsentUserId == t.HandlerUserId).Select(s => (Guid?)s.SubstituteUserId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var alerts = new List<Alert>();
        var stale = new List<Alert>();
        var rungs = new List<Rung>();
        var catchUpBy = options.CatchUpWorkingDays > 0 ? ladder.LateOnOrBefore(today, options.CatchUpWorkingDays + 1) : DateOnly.MinValue;
        foreach (var task in candidates)
        {
            var deadline = task.Deadline;
            var reached = ladder.Reached(deadline, today);
            if (reached.Count == 0)
            {
                continue;
            }

            // Late long before the ladder first saw it: counted into one notice per recipient below, not one per task.
            var into = task.AlertedLevel is null && deadline <= catchUpBy ? stale : alerts;
            var due = VietnamTime.ShortDate(deadline);
            var number = task.Number ?? string.Empty;
            var what = TaskNoticeName.Of(task.TaskLabel, number);
            foreach (var level in reached)
            {
                var key = $"alert:{task.Id:N}:{deadline:yyyyMMdd}:{level}";
                switch (level)
                {
                    case AlertLevel.Yellow:
                        var left = ladder.DaysLate(today, deadline);
                        var when = left == 0 ? "đến hạn hôm nay" : $"còn {left} ngày làm việc đến hạn";
                        into.Add(new(level, Recipient.Officers, new Notification(task.OrganizationId, NotificationKind.Reminder, $"Cảnh báo vàng: {when} ({due}) – {what}", NoticeTarget.ReceivedDirective, task.DirectiveId, task.Id, now, $"{key}:unit")));
                        // Yellow goes to the unit and to the officer it named to handle the task, in person (and to their
                        // stand-in while they are away). Work found long late is counted per unit instead, not per person.
                        foreach (var person in new[] { task.HandlerUserId, task.Substitute }.OfType<Guid>().Distinct().Where(_ => into == alerts))
                        {
                            var yours = person == task.HandlerUserId ? "bạn xử lý" : "bạn xử lý thay";
                            alerts.Add(new(level, Recipient.Handler, new Notification(task.OrganizationId, NotificationKind.Reminder, $"Cảnh báo vàng ({yours}): {when} ({due}) – {what}", NoticeTarget.ReceivedDirective, task.DirectiveId, task.Id, now, $"{key}:user:{person:N}", person)));
                        }

                        break;
                    case AlertLevel.Red:
                        var red = $"Cảnh báo đỏ: quá hạn {due} – {what} giao {task.Unit.Name}";
                        into.Add(new(level, Recipient.Officers, new Notification(task.OrganizationId, NotificationKind.Overdue, red, NoticeTarget.ReceivedDirective, task.DirectiveId, task.Id, now, $"{key}:unit")));
                        if (task.Unit.ParentId is { } superior)
                        {
                            into.Add(new(level, Recipient.Leaders, new Notification(superior, NotificationKind.Overdue, red, NoticeTarget.Exceptions, task.DirectiveId, task.Id, now, $"{key}:superior")));
                        }

                        break;
                    default:
                        var late = ladder.DaysLate(deadline, today);
                        var title = $"Cảnh báo đỏ đặc biệt: {task.Unit.Name} trễ {late} ngày làm việc (hạn {due}) – {what}; cấp giao nhiệm vụ cần chỉ đạo";
                        into.Add(new(level, Recipient.Leaders, new Notification(task.IssuerId, NotificationKind.SpecialRed, title, NoticeTarget.Exceptions, task.DirectiveId, task.Id, now, $"{key}:issuer")));
                        break;
                }
            }

            if (TaskAssignment.RungToRecord(task.AlertedDeadline, task.AlertedLevel, deadline, reached[^1]) is { } rung)
            {
                rungs.Add(new Rung(task.Id, deadline, rung));
            }
        }

        alerts.AddRange(CatchUpNotices(stale, now, today));

        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in alerts.Select(a => a.Notice.DedupKey!).Chunk(500))
        {
            existing.UnionWith(await db.Notifications.Where(n => chunk.Contains(n.DedupKey)).Select(n => n.DedupKey!).ToListAsync(cancellationToken));
        }

        return (alerts.Where(a => !existing.Contains(a.Notice.DedupKey!)).ToList(), rungs);
    }

    /// <summary>
    /// Writes the rungs reached, set-based: one statement per deadline and level, not one per assignment (100,000 tracked
    /// entities and as many UPDATEs made the first sweep over a province's history take minutes). A deadline moved since
    /// the read (an extension approved meanwhile) leaves its row alone: the ladder starts again for the new deadline.
    /// The rung is the sweep's bookkeeping, not a decision: it does not bump the version that guards decisions.
    /// </summary>
    private async Task RecordRungsAsync(List<Rung> rungs, CancellationToken cancellationToken)
    {
        foreach (var group in rungs.GroupBy(r => (r.Deadline, r.Level)))
        {
            var (deadline, level) = group.Key;
            foreach (var ids in group.Select(r => r.Id).Chunk(1000))
            {
                await db.TaskAssignments
                    .Where(t => ids.Contains(t.Id) && t.Deadline == deadline)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.AlertedDeadline, deadline).SetProperty(t => t.AlertedLevel, level), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The long-late items a sweep found unalerted, one notice per recipient and rung with their number: the exception
    /// view holds the list, and the leaders' digest counts them as every week.
    /// </summary>
    private static IEnumerable<Alert> CatchUpNotices(List<Alert> stale, DateTime now, DateOnly today) =>
        stale.GroupBy(a => (a.Notice.OrganizationId, a.To, a.Level, a.Notice.Target))
            .Select(g =>
            {
                var (organizationId, to, level, target) = g.Key;
                var whose = to == Recipient.Officers ? "của đơn vị" : level == AlertLevel.SpecialRed ? "do cấp mình giao" : "của đơn vị trực thuộc";
                var title = $"{AlertLadder.Text(level)}: {g.Count()} nhiệm vụ {whose} đã trễ hạn từ lâu, chưa từng được cảnh báo – xem danh sách";
                var key = $"alert:catch-up:{organizationId:N}:{today:yyyyMMdd}:{level}:{to}";
                return new Alert(level, to, new Notification(organizationId, g.First().Notice.Kind, title, target == NoticeTarget.ReceivedDirective ? NoticeTarget.Inbox : target, null, null, now, key));
            });

    /// <summary>
    /// One email per person and sweep: a notice for a unit goes to its active users, one for a superior or assigning
    /// committee to its leaders. A person with several alerts gets them in one mail grouped by level, worst first,
    /// so that nobody gets one mail per task when many fire at once.
    /// </summary>
    private async Task<int> QueueMailAsync(IReadOnlyList<Alert> alerts, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return 0;
        }

        // The handler is a user of the unit: the unit's mail already reaches them.
        alerts = alerts.Where(a => a.To != Recipient.Handler).ToList();
        if (alerts.Count == 0)
        {
            return 0;
        }

        var organizations = alerts.Select(a => a.Notice.OrganizationId).Distinct().ToList();
        var leaderRole = await db.Roles.Where(r => r.Name == Users.Roles.Leader).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => organizations.Contains(u.OrganizationId) && !u.IsDeactivated && u.Email != null)
            .Select(u => new { u.Id, u.OrganizationId, u.Email, Leader = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == leaderRole) })
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var person in people)
        {
            var mine = alerts
                .Where(a => a.Notice.OrganizationId == person.OrganizationId && (a.To == Recipient.Officers || person.Leader))
                .OrderByDescending(a => a.Level)
                .ThenBy(a => a.Notice.Title, StringComparer.Ordinal)
                .ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            if (mine.Count == 1)
            {
                var notice = mine[0].Notice;
                db.OutboxMessages.Add(new OutboxMessage(person.Email!, notice.Title, notice.Title, $"mail:{notice.DedupKey}:{person.Id}", now, link: (notice.Target, notice.DirectiveId)));
            }
            else
            {
                var counts = string.Join(", ", mine.GroupBy(a => a.Level).Select(g => $"{g.Count()} {AlertLadder.Text(g.Key).ToLowerInvariant()}"));
                var subject = $"Tổng hợp cảnh báo ngày {VietnamTime.ShortDate(today)}: {counts}";
                var body = new System.Text.StringBuilder(subject).Append('\n');
                foreach (var group in mine.GroupBy(a => a.Level))
                {
                    body.Append('\n').Append(AlertLadder.Text(group.Key)).Append(" (").Append(group.Count()).Append("):\n");
                    foreach (var alert in group)
                    {
                        body.Append("- ").Append(alert.Notice.Title).Append('\n');
                    }
                }

                // Keyed by the first alert of the group: the same alerts never make a second mail.
                db.OutboxMessages.Add(new OutboxMessage(person.Email!, subject, body.ToString(), $"mail:alerts:{person.Id:N}:{mine[0].Notice.DedupKey}", now, link: (person.Leader && mine.Any(a => a.To == Recipient.Leaders) ? NoticeTarget.Exceptions : NoticeTarget.Inbox, null)));
            }

            written++;
        }

        return written;
    }

    /// <summary>
    /// Once a week (the first sweep of each ISO week), each committee with Leaders gets its ladder in one notice and
    /// one mail per leader: the red and special-red items of its subtree counted, and the special-red items it
    /// assigned itself listed, since it must decide on them.
    /// </summary>
    private async Task<int> DigestAsync(AlertLadder ladder, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var (weekYear, weekNumber) = (System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)));
        // The key is ISO's ("2026-W49"); people read "tuần 49/2026".
        var week = $"{weekYear}-W{weekNumber:00}";
        var weekText = $"tuần {weekNumber}/{weekYear}";
        var leaderRole = await db.Roles.Where(r => r.Name == Users.Roles.Leader).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var leaders = await db.Users.AsNoTracking()
            .Where(u => !u.IsDeactivated && u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == leaderRole))
            .Select(u => new { u.Id, u.Email, u.OrganizationId, Path = u.Organization!.Path })
            .ToListAsync(cancellationToken);
        var specialRedBy = ladder.SpecialRedOnOrBefore(today);
        var written = 0;
        foreach (var unit in leaders.GroupBy(l => (l.OrganizationId, l.Path)))
        {
            var key = $"digest:{unit.Key.OrganizationId}:{week}";
            if (await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
            {
                continue;
            }

            var path = unit.Key.Path;
            var late = db.TaskAssignments.AsNoTracking().Where(TaskAssignmentState.IsOverdue(today))
                .Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(path)));
            var overdue = await late.CountAsync(cancellationToken);
            if (overdue == 0)
            {
                continue;
            }

            var specialRed = await late.CountAsync(t => t.Deadline <= specialRedBy, cancellationToken);
            var organizationId = unit.Key.OrganizationId;
            var decide = await db.TaskAssignments.AsNoTracking().Where(TaskAssignmentState.IsOverdue(today))
                .Where(t => t.Deadline <= specialRedBy && t.Directive!.IssuerId == organizationId)
                .OrderBy(t => t.Deadline)
                .Select(t => new { t.Deadline, t.Directive!.Number, Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() })
                .Take(50)
                .ToListAsync(cancellationToken);

            var title = $"Tổng hợp {weekText}: {overdue} nhiệm vụ quá hạn trong các đơn vị trực thuộc ({specialRed} đỏ đặc biệt, {overdue - specialRed} đỏ)";
            var body = new System.Text.StringBuilder(title);
            if (decide.Count > 0)
            {
                body.Append("\n\nĐỏ đặc biệt do cấp mình giao, cần chỉ đạo:\n");
                foreach (var item in decide)
                {
                    body.Append("- ").Append(item.Unit).Append(": văn bản số ").Append(item.Number).Append(", hạn ").Append(VietnamTime.ShortDate(item.Deadline!.Value))
                        .Append(", trễ ").Append(ladder.DaysLate(item.Deadline.Value, today)).Append(" ngày làm việc\n");
                }
            }

            db.Notifications.Add(new Notification(organizationId, NotificationKind.Digest, title, NoticeTarget.Exceptions, null, null, now, key));
            foreach (var leader in unit)
            {
                db.OutboxMessages.Add(new OutboxMessage(leader.Email!, title, body.ToString(), $"mail:{key}:{leader.Id}", now, link: (NoticeTarget.Exceptions, null)));
            }

            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    private enum Recipient
    {
        /// <summary>Every active user of the unit that owns the task.</summary>
        Officers,

        /// <summary>The leaders of a superior or assigning committee.</summary>
        Leaders,

        /// <summary>The task's handler (or their substitute), in person: in-app only.</summary>
        Handler,
    }

    private sealed record Alert(AlertLevel Level, Recipient To, Notification Notice);

    private sealed record Rung(Guid Id, DateOnly Deadline, AlertLevel Level);
}
