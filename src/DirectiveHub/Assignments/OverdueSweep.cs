using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>
/// Flags task assignments that are overdue (<see cref="TaskAssignmentState.IsOverdue"/>, the rule every page shows) and
/// not yet flagged, and writes the notices that follow, in one transaction and in set-based statements. The flag only
/// records that the notices went out. The dry run lists exactly what a sweep would flag (<see cref="Due"/>). On PostgreSQL a transaction-scoped advisory lock lets one
/// instance sweep at a time, and every notice carries a unique key: a sweep never flags twice or notifies twice, and a
/// sweep stopped midway rolls back whole for the next one to finish.
/// </summary>
public sealed class OverdueSweep(AppDbContext db, OverdueOptions options)
{
    // Any constant unique to this job; other advisory locks in the database must not use it.
    private const long LockKey = 0x44485F4F56455244; // "DH_OVERD"

    public async Task<SweepResult> RunAsync(DateTime nowUtc, bool dryRun, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(nowUtc));
        if (dryRun)
        {
            var ids = await Due(today).AsNoTracking()
                .OrderBy(t => t.Deadline)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
            return new SweepResult(ids.Count, 0, 0, false, ids);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        SweepResult result;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var locked = (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
            if (!locked)
            {
                return SweepResult.LockHeld;
            }

            result = await SweepPostgresAsync(nowUtc, today, cancellationToken);
        }
        else
        {
            result = await SweepSqliteAsync(nowUtc, today, cancellationToken);
        }

        var digests = await DigestAsync(nowUtc, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result with { Digests = digests };
    }

    /// <summary>What a sweep on <paramref name="today"/> flags: overdue by the shared rule, and not flagged yet.</summary>
    public IQueryable<TaskAssignment> Due(DateOnly today) =>
        db.TaskAssignments.Where(TaskAssignmentState.IsOverdue(today)).Where(t => t.OverdueFlaggedAt == null);

    /// <summary>
    /// The reminder windows: each threshold covers the deadlines nearer than the next larger one, so a task due
    /// tomorrow gets the 1-day reminder only, never the 3-day one with it; one reminder per assignment and threshold.
    /// </summary>
    public IReadOnlyList<(int Days, DateOnly From, DateOnly Until)> ReminderWindows(DateOnly today)
    {
        var windows = new List<(int, DateOnly, DateOnly)>();
        var previous = -1;
        foreach (var days in options.ReminderDays.Where(d => d > 0).Distinct().Order())
        {
            windows.Add((days, today.AddDays(previous + 1), today.AddDays(days)));
            previous = days;
        }

        return windows;
    }

    private async Task<SweepResult> SweepPostgresAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var flaggedCount = await Due(today).ExecuteUpdateAsync(s => s.SetProperty(t => t.OverdueFlaggedAt, now), cancellationToken);

        // The rows this sweep flagged carry its timestamp. Not composed further (no Single on the query): PostgreSQL
        // requires a data-modifying WITH at the top level.
        var counts = (await db.Database.SqlQuery<SweepCounts>($"""
            WITH flagged AS (
                SELECT t."Id", t."OrganizationId", t."DirectiveId" FROM "TaskAssignments" t WHERE t."OverdueFlaggedAt" = {now}),
            info AS (
                SELECT f."Id" AS ta, f."DirectiveId" AS d, f."OrganizationId" AS unit, dir."IssuerId" AS issuer, dir."Number" AS num, o."Name" AS unit_name
                FROM flagged f JOIN "Directives" dir ON dir."Id" = f."DirectiveId" JOIN "Organizations" o ON o."Id" = f."OrganizationId"),
            targets AS (
                SELECT ta, d, unit AS org, num, unit_name, 'unit' AS who FROM info
                UNION ALL
                SELECT ta, d, issuer, num, unit_name, 'issuer' FROM info),
            inserted AS (
                INSERT INTO "Notifications" ("Id", "OrganizationId", "Kind", "Title", "Target", "DirectiveId", "TaskAssignmentId", "CreatedAt", "DedupKey")
                SELECT gen_random_uuid(), org, 'Overdue',
                       'Quá hạn: nhiệm vụ của văn bản số ' || coalesce(num, '') || ' giao ' || unit_name,
                       CASE WHEN who = 'unit' THEN 'ReceivedDirective' ELSE 'TrackedDirective' END,
                       d, ta, {now}, 'overdue:' || ta || ':' || who
                FROM targets
                ON CONFLICT ("DedupKey") DO NOTHING
                RETURNING 1)
            SELECT (SELECT count(*) FROM flagged)::int AS "Flagged", (SELECT count(*) FROM inserted)::int AS "Notified"
            """).ToListAsync(cancellationToken)).Single();

        var reminders = 0;
        foreach (var (days, from, until) in ReminderWindows(today))
        {
            reminders += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Notifications" ("Id", "OrganizationId", "Kind", "Title", "Target", "DirectiveId", "TaskAssignmentId", "CreatedAt", "DedupKey")
                SELECT gen_random_uuid(), t."OrganizationId", 'Reminder',
                       'Sắp đến hạn (' || to_char(t."Deadline", 'DD/MM/YYYY') || '): nhiệm vụ của văn bản số ' || coalesce(dir."Number", ''),
                       'ReceivedDirective', t."DirectiveId", t."Id", {now}, 'remind:' || t."Id" || ':' || {days}
                FROM "TaskAssignments" t JOIN "Directives" dir ON dir."Id" = t."DirectiveId" AND dir."Status" = 'Published'
                WHERE t."OverdueFlaggedAt" IS NULL AND t."Status" NOT IN ('Done', 'DoneLate', 'AwaitingConfirmation', 'Refused', 'Cancelled') AND t."Deadline" >= {from} AND t."Deadline" <= {until}
                ON CONFLICT ("DedupKey") DO NOTHING
                """, cancellationToken);
        }

        // Every notice this sweep wrote (they carry its timestamp) goes by mail to each active user of its unit.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutboxMessages" ("Id", "To", "Subject", "Body", "LinkTarget", "LinkDirectiveId", "DedupKey", "CreatedAt", "NextAttemptAt", "Attempts")
            SELECT gen_random_uuid(), u."Email", n."Title", n."Title", n."Target", n."DirectiveId", 'mail:' || n."DedupKey" || ':' || u."Id", {now}, {now}, 0
            FROM "Notifications" n JOIN "AspNetUsers" u ON u."OrganizationId" = n."OrganizationId"
            WHERE n."CreatedAt" = {now} AND n."Kind" IN ('Overdue', 'Reminder') AND NOT u."IsDeactivated" AND u."Email" IS NOT NULL
            ON CONFLICT ("DedupKey") DO NOTHING
            """, cancellationToken);

        return new SweepResult(flaggedCount, counts.Notified, reminders, false, []);
    }

    /// <summary>SQLite runs a single instance (the embedded default): the same rules, through EF.</summary>
    private async Task<SweepResult> SweepSqliteAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await Due(today)
            .Select(t => new { Task = t, t.Directive!.IssuerId, t.Directive.Number, Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        var notices = new List<Notification>();
        foreach (var item in due)
        {
            item.Task.MarkOverdue(now);
            var title = $"Quá hạn: nhiệm vụ của văn bản số {item.Number} giao {item.Unit}";
            notices.Add(new Notification(item.Task.OrganizationId, NotificationKind.Overdue, title, NoticeTarget.ReceivedDirective, item.Task.DirectiveId, item.Task.Id, now, $"overdue:{item.Task.Id}:unit"));
            notices.Add(new Notification(item.IssuerId, NotificationKind.Overdue, title, NoticeTarget.TrackedDirective, item.Task.DirectiveId, item.Task.Id, now, $"overdue:{item.Task.Id}:issuer"));
        }

        var reminders = 0;
        foreach (var (days, from, until) in ReminderWindows(today))
        {
            var soon = await db.TaskAssignments.AsNoTracking()
                .Where(TaskAssignmentState.IsOpen(today))
                .Where(t => t.OverdueFlaggedAt == null && t.Deadline >= from && t.Deadline <= until)
                .Select(t => new { t.Id, t.OrganizationId, t.DirectiveId, t.Deadline, t.Directive!.Number })
                .ToListAsync(cancellationToken);
            foreach (var item in soon)
            {
                notices.Add(new Notification(item.OrganizationId, NotificationKind.Reminder, $"Sắp đến hạn ({VietnamTime.ShortDate(item.Deadline!.Value)}): nhiệm vụ của văn bản số {item.Number}", NoticeTarget.ReceivedDirective, item.DirectiveId, item.Id, now, $"remind:{item.Id}:{days}"));
                reminders++;
            }
        }

        var keys = notices.Select(n => n.DedupKey).ToList();
        var existing = (await db.Notifications.Where(n => keys.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = notices.Where(n => !existing.Contains(n.DedupKey)).ToList();
        db.Notifications.AddRange(fresh);
        await QueueMailAsync(fresh, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(due.Count, fresh.Count(n => n.Kind == NotificationKind.Overdue), fresh.Count(n => n.Kind == NotificationKind.Reminder), false, []);
    }

    /// <summary>One email per notice and active user of the notified unit.</summary>
    private async Task QueueMailAsync(IReadOnlyList<Notification> notices, DateTime now, CancellationToken cancellationToken)
    {
        var organizations = notices.Select(n => n.OrganizationId).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => organizations.Contains(u.OrganizationId) && !u.IsDeactivated && u.Email != null)
            .Select(u => new { u.Id, u.OrganizationId, u.Email })
            .ToListAsync(cancellationToken);
        foreach (var notice in notices)
        {
            foreach (var person in people.Where(p => p.OrganizationId == notice.OrganizationId))
            {
                db.OutboxMessages.Add(new OutboxMessage(person.Email!, notice.Title, notice.Title, $"mail:{notice.DedupKey}:{person.Id}", now, link: (notice.Target, notice.DirectiveId)));
            }
        }
    }

    /// <summary>
    /// Once a week (the first sweep of each ISO week), each committee with Leaders gets the count of overdue items in
    /// its subtree, in-app and by mail to its Leaders.
    /// </summary>
    private async Task<int> DigestAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var week = $"{System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var leaderRole = await db.Roles.Where(r => r.Name == Users.Roles.Leader).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var leaders = await db.Users.AsNoTracking()
            .Where(u => !u.IsDeactivated && u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == leaderRole))
            .Select(u => new { u.Id, u.Email, u.OrganizationId, Path = u.Organization!.Path })
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var unit in leaders.GroupBy(l => (l.OrganizationId, l.Path)))
        {
            var key = $"digest:{unit.Key.OrganizationId}:{week}";
            if (await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
            {
                continue;
            }

            var path = unit.Key.Path;
            var overdue = await db.TaskAssignments.Where(TaskAssignmentState.IsOverdue(today)).CountAsync(
                t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(path)),
                cancellationToken);
            if (overdue == 0)
            {
                continue;
            }

            var title = $"Tổng hợp tuần {week}: {overdue} nhiệm vụ quá hạn trong các đơn vị trực thuộc";
            db.Notifications.Add(new Notification(unit.Key.OrganizationId, NotificationKind.Digest, title, NoticeTarget.OverdueList, null, null, now, key));
            foreach (var leader in unit)
            {
                db.OutboxMessages.Add(new OutboxMessage(leader.Email!, title, title, $"mail:{key}:{leader.Id}", now, link: (NoticeTarget.OverdueList, null)));
            }

            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    private sealed record SweepCounts(int Flagged, int Notified);
}
