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
public sealed class OverdueSweep(AppDbContext db, OverdueOptions options)
{
    // Any constant unique to this job; other advisory locks in the database must not use it.
    private const long LockKey = 0x44485F4F56455244; // "DH_OVERD"

    public async Task<SweepResult> RunAsync(DateTime nowUtc, bool dryRun, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(nowUtc));
        if (dryRun)
        {
            var ids = await db.TaskAssignments.AsNoTracking()
                .Where(t => t.OverdueFlaggedAt == null && t.Deadline < today && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate)
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

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<SweepResult> SweepPostgresAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        // Not composed further (no Single on the query): PostgreSQL requires a data-modifying WITH at the top level.
        var counts = (await db.Database.SqlQuery<SweepCounts>($"""
            WITH flagged AS (
                UPDATE "TaskAssignments" t SET "OverdueFlaggedAt" = {now}
                WHERE t."OverdueFlaggedAt" IS NULL AND t."Deadline" < {today} AND t."Status" NOT IN ('Done', 'DoneLate')
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
                FROM "TaskAssignments" t JOIN "Directives" dir ON dir."Id" = t."DirectiveId"
                WHERE t."OverdueFlaggedAt" IS NULL AND t."Status" NOT IN ('Done', 'DoneLate') AND t."Deadline" >= {today} AND t."Deadline" <= {until}
                ON CONFLICT ("DedupKey") DO NOTHING
                """, cancellationToken);
        }

        return new SweepResult(counts.Flagged, counts.Notified, reminders, false, []);
    }

    /// <summary>SQLite runs a single instance (the embedded default): the same rules, through EF.</summary>
    private async Task<SweepResult> SweepSqliteAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.TaskAssignments
            .Where(t => t.OverdueFlaggedAt == null && t.Deadline < today && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate)
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new { Task = t, d.IssuerId, d.Number, Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() })
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
                .Where(t => t.OverdueFlaggedAt == null && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Deadline >= today && t.Deadline <= until)
                .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new { t.Id, t.OrganizationId, t.DirectiveId, t.Deadline, d.Number })
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
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(due.Count, fresh.Count(n => n.Kind == NotificationKind.Overdue), fresh.Count(n => n.Kind == NotificationKind.Reminder), false, []);
    }

    private sealed record SweepCounts(int Flagged, int Notified);
}
