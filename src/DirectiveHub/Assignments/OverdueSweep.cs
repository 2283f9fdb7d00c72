using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

public sealed class OverdueOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reminders go this many days before a deadline (defaults 3 and 1).</summary>
    public int[] ReminderDays { get; set; } = [3, 1];
}

/// <summary>
/// Flags task assignments whose deadline (a Vietnam date) has passed without being done, and writes the notices that
/// follow, in one transaction and in set-based statements. On PostgreSQL a transaction-scoped advisory lock lets one
/// instance sweep at a time, and every notice carries a unique key: a sweep never flags twice or notifies twice, and a
/// sweep stopped midway rolls back whole for the next one to finish.
/// </summary>
public sealed class OverdueSweep(AppDbContext db, OverdueOptions options, MailOptions mail)
{
    // Any constant unique to this job; other advisory locks in the database must not use it.
    private const long LockKey = 0x44485F4F56455244; // "DH_OVERD"

    public async Task<SweepResult> RunAsync(DateTime nowUtc, bool dryRun, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(nowUtc));
        if (dryRun)
        {
            var ids = await db.TaskAssignments.AsNoTracking()
                .Where(t => t.OverdueFlaggedAt == null && t.Deadline < today && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.AwaitingConfirmation && t.Status != ProgressStatus.Refused && t.Status != ProgressStatus.Cancelled)
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

    private async Task<SweepResult> SweepPostgresAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var baseUrl = mail.BaseUrl ?? string.Empty;
        // Not composed further (no Single on the query): PostgreSQL requires a data-modifying WITH at the top level.
        var counts = (await db.Database.SqlQuery<SweepCounts>($"""
            WITH flagged AS (
                UPDATE "TaskAssignments" t SET "OverdueFlaggedAt" = {now}
                WHERE t."OverdueFlaggedAt" IS NULL AND t."Deadline" < {today} AND t."Status" NOT IN ('Done', 'DoneLate', 'AwaitingConfirmation', 'Refused', 'Cancelled')
                  AND EXISTS (SELECT 1 FROM "Directives" p WHERE p."Id" = t."DirectiveId" AND p."Status" = 'Published')
                RETURNING t."Id", t."OrganizationId", t."DirectiveId"),
            info AS (
                SELECT f."Id" AS ta, f."DirectiveId" AS d, f."OrganizationId" AS unit, dir."IssuerId" AS issuer, dir."Number" AS num, o."Name" AS unit_name
                FROM flagged f JOIN "Directives" dir ON dir."Id" = f."DirectiveId" JOIN "Organizations" o ON o."Id" = f."OrganizationId"),
            targets AS (
                SELECT ta, d, unit AS org, num, unit_name, 'unit' AS who FROM info
                UNION ALL
                SELECT ta, d, issuer, num, unit_name, 'issuer' FROM info),
            inserted AS (
                INSERT INTO "Notifications" ("Id", "OrganizationId", "Kind", "Title", "Link", "DirectiveId", "TaskAssignmentId", "CreatedAt", "DedupKey")
                SELECT gen_random_uuid(), org, 'Overdue',
                       'Quá hạn: nhiệm vụ của văn bản số ' || coalesce(num, '') || ' giao ' || unit_name,
                       CASE WHEN who = 'unit' THEN '/Inbox/Directive/' || d ELSE '/Tracking/' || d END,
                       d, ta, {now}, 'overdue:' || ta || ':' || who
                FROM targets
                ON CONFLICT ("DedupKey") DO NOTHING
                RETURNING 1)
            SELECT (SELECT count(*) FROM flagged)::int AS "Flagged", (SELECT count(*) FROM inserted)::int AS "Notified"
            """).ToListAsync(cancellationToken)).Single();

        var reminders = 0;
        foreach (var days in options.ReminderDays.Where(d => d > 0).Distinct())
        {
            var until = today.AddDays(days);
            reminders += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Notifications" ("Id", "OrganizationId", "Kind", "Title", "Link", "DirectiveId", "TaskAssignmentId", "CreatedAt", "DedupKey")
                SELECT gen_random_uuid(), t."OrganizationId", 'Reminder',
                       'Sắp đến hạn (' || to_char(t."Deadline", 'DD/MM/YYYY') || '): nhiệm vụ của văn bản số ' || coalesce(dir."Number", ''),
                       '/Inbox/Directive/' || t."DirectiveId", t."DirectiveId", t."Id", {now}, 'remind:' || t."Id" || ':' || {days}
                FROM "TaskAssignments" t JOIN "Directives" dir ON dir."Id" = t."DirectiveId" AND dir."Status" = 'Published'
                WHERE t."OverdueFlaggedAt" IS NULL AND t."Status" NOT IN ('Done', 'DoneLate', 'AwaitingConfirmation', 'Refused', 'Cancelled') AND t."Deadline" >= {today} AND t."Deadline" <= {until}
                ON CONFLICT ("DedupKey") DO NOTHING
                """, cancellationToken);
        }

        // Every notice this sweep wrote (they carry its timestamp) goes by mail to each active user of its unit.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutboxMessages" ("Id", "To", "Subject", "Body", "DedupKey", "CreatedAt", "NextAttemptAt", "Attempts")
            SELECT gen_random_uuid(), u."Email", n."Title", n."Title" || E'\n\n' || {baseUrl} || n."Link", 'mail:' || n."DedupKey" || ':' || u."Id", {now}, {now}, 0
            FROM "Notifications" n JOIN "AspNetUsers" u ON u."OrganizationId" = n."OrganizationId"
            WHERE n."CreatedAt" = {now} AND n."Kind" IN ('Overdue', 'Reminder') AND NOT u."IsDeactivated" AND u."Email" IS NOT NULL
            ON CONFLICT ("DedupKey") DO NOTHING
            """, cancellationToken);

        return new SweepResult(counts.Flagged, counts.Notified, reminders, false, []);
    }

    /// <summary>SQLite runs a single instance (the embedded default): the same rules, through EF.</summary>
    private async Task<SweepResult> SweepSqliteAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.TaskAssignments
            .Where(t => t.OverdueFlaggedAt == null && t.Deadline < today && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.AwaitingConfirmation && t.Status != ProgressStatus.Refused && t.Status != ProgressStatus.Cancelled)
            .Join(db.Directives.Where(d => d.Status == DirectiveStatus.Published), t => t.DirectiveId, d => d.Id, (t, d) => new { Task = t, d.IssuerId, d.Number, Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        var notices = new List<Notification>();
        foreach (var item in due)
        {
            item.Task.MarkOverdue(now);
            var title = $"Quá hạn: nhiệm vụ của văn bản số {item.Number} giao {item.Unit}";
            notices.Add(new Notification(item.Task.OrganizationId, NotificationKind.Overdue, title, $"/Inbox/Directive/{item.Task.DirectiveId}", item.Task.DirectiveId, item.Task.Id, now, $"overdue:{item.Task.Id}:unit"));
            notices.Add(new Notification(item.IssuerId, NotificationKind.Overdue, title, $"/Tracking/{item.Task.DirectiveId}", item.Task.DirectiveId, item.Task.Id, now, $"overdue:{item.Task.Id}:issuer"));
        }

        var reminders = 0;
        foreach (var days in options.ReminderDays.Where(d => d > 0).Distinct())
        {
            var until = today.AddDays(days);
            var soon = await db.TaskAssignments.AsNoTracking()
                .Where(t => t.OverdueFlaggedAt == null && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.AwaitingConfirmation && t.Status != ProgressStatus.Refused && t.Status != ProgressStatus.Cancelled && t.Deadline >= today && t.Deadline <= until)
                .Join(db.Directives.Where(d => d.Status == DirectiveStatus.Published), t => t.DirectiveId, d => d.Id, (t, d) => new { t.Id, t.OrganizationId, t.DirectiveId, t.Deadline, d.Number })
                .ToListAsync(cancellationToken);
            foreach (var item in soon)
            {
                notices.Add(new Notification(item.OrganizationId, NotificationKind.Reminder, $"Sắp đến hạn ({VietnamTime.ShortDate(item.Deadline!.Value)}): nhiệm vụ của văn bản số {item.Number}", $"/Inbox/Directive/{item.DirectiveId}", item.DirectiveId, item.Id, now, $"remind:{item.Id}:{days}"));
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
                db.OutboxMessages.Add(new OutboxMessage(person.Email!, notice.Title, $"{notice.Title}\n\n{mail.BaseUrl}{notice.Link}", $"mail:{notice.DedupKey}:{person.Id}", now));
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
            var overdue = await db.TaskAssignments.CountAsync(
                t => t.OverdueFlaggedAt != null && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.AwaitingConfirmation && t.Status != ProgressStatus.Refused && t.Status != ProgressStatus.Cancelled
                    && db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(path)),
                cancellationToken);
            if (overdue == 0)
            {
                continue;
            }

            var title = $"Tổng hợp tuần {week}: {overdue} nhiệm vụ quá hạn trong các đơn vị trực thuộc";
            db.Notifications.Add(new Notification(unit.Key.OrganizationId, NotificationKind.Digest, title, "/Inbox?overdue=true", null, null, now, key));
            foreach (var leader in unit)
            {
                db.OutboxMessages.Add(new OutboxMessage(leader.Email!, title, title, $"mail:{key}:{leader.Id}", now));
            }

            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    private sealed record SweepCounts(int Flagged, int Notified);
}
