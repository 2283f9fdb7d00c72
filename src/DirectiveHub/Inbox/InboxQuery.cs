using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Inbox;

/// <summary>A unit's incoming directives (văn bản đến), for the inbox page and GET /api/inbox alike.</summary>
public static class InboxQuery
{
    /// <summary>
    /// One page in inbox order, and the total. The order and the count need only the receipts (and the directives'
    /// date and urgency); the nearest deadline and the overdue flag are computed for the page's rows alone, so a
    /// commune with ten years of directives pays for twenty rows, not thousands. The order reads the directive's date
    /// and urgency copied onto the receipt, so it needs no join.
    /// </summary>
    public static async Task<(List<InboxRow> Rows, int Total)> PageAsync(
        AppDbContext db, Guid organizationId, DateOnly today, InboxFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        // Receipts exist only for published directives (publishing creates them), so no status check is needed here.
        var receipts = db.Assignments.Where(a => a.OrganizationId == organizationId);
        if (filter.Acknowledged is { } acknowledged)
        {
            receipts = acknowledged ? receipts.Where(a => a.AcknowledgedAt != null) : receipts.Where(a => a.AcknowledgedAt == null);
        }

        var overdueTasks = db.TaskAssignments.Where(t => t.OrganizationId == organizationId).Where(TaskAssignmentState.IsOverdue(today));
        var outstandingTasks = db.TaskAssignments.Where(t => t.OrganizationId == organizationId).Where(TaskAssignmentState.IsOutstanding);
        if (filter.Overdue is { } overdue)
        {
            receipts = receipts.Where(a => overdueTasks.Any(t => t.DirectiveId == a.DirectiveId) == overdue);
        }

        var directiveFilter = new DirectiveFilter(filter.Q, filter.Type, null, filter.Year);
        if (!string.IsNullOrWhiteSpace(filter.Q) || DocumentType.IsKnown(filter.Type) || filter.Year is not null)
        {
            var matching = db.Directives.Filter(directiveFilter);
            receipts = receipts.Where(a => matching.Any(d => d.Id == a.DirectiveId));
        }

        var total = await receipts.CountAsync(cancellationToken);
        var pageIds = (
                from a in receipts
                orderby a.AcknowledgedAt == null ? 0 : 1,
                    (a.Urgency == Urgency.HoaToc ? 3 : a.Urgency == Urgency.ThuongKhan ? 2 : a.Urgency == Urgency.Khan ? 1 : 0) descending,
                    a.IssuedOn descending,
                    a.DirectiveId descending
                select a.DirectiveId)
            .Skip((Math.Max(page, 1) - 1) * pageSize)
            .Take(pageSize);

        var rows = await (
                from a in db.Assignments
                where a.OrganizationId == organizationId && pageIds.Contains(a.DirectiveId)
                join d in db.Directives on a.DirectiveId equals d.Id
                select new InboxRow
                {
                    DirectiveId = d.Id,
                    Number = d.Number,
                    DocumentType = d.DocumentType,
                    Subject = d.Subject,
                    IssuedOn = d.IssuedOn,
                    Urgency = d.Urgency,
                    IssuerName = d.IssuerName,
                    AcknowledgedAt = a.AcknowledgedAt,
                    NearestDeadline = outstandingTasks.Where(t => t.DirectiveId == d.Id).Min(t => t.Deadline),
                    Overdue = overdueTasks.Any(t => t.DirectiveId == d.Id),
                })
            .ToListAsync(cancellationToken);

        // Every handler the unit named on the page's directives (a unit may have several tasks in one), in task order:
        // one query for the page, whatever its size.
        var ids = rows.Select(r => r.DirectiveId).ToList();
        var handlers = (await (
                    from t in db.TaskAssignments
                    where t.OrganizationId == organizationId && ids.Contains(t.DirectiveId) && t.HandlerUserId != null
                    join task in db.DirectiveTasks on t.TaskId equals task.Id
                    join u in db.Users on t.HandlerUserId equals u.Id
                    orderby task.Position, t.Role
                    select new { t.DirectiveId, u.FullName })
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.DirectiveId, h => h.FullName);
        rows = rows.Select(r => r with { Handlers = handlers[r.DirectiveId].Distinct(StringComparer.Ordinal).ToList() }).ToList();
        return (InInboxOrder(rows), total);
    }

    /// <summary>Not yet acknowledged first; among them the most urgent (hỏa tốc, thượng khẩn, khẩn); then the newest.</summary>
    private static List<InboxRow> InInboxOrder(List<InboxRow> rows) =>
        rows.OrderBy(r => r.AcknowledgedAt == null ? 0 : 1)
            .ThenByDescending(r => r.Urgency switch { Urgency.HoaToc => 3, Urgency.ThuongKhan => 2, Urgency.Khan => 1, _ => 0 })
            .ThenByDescending(r => r.IssuedOn)
            .ThenByDescending(r => r.DirectiveId)
            .ToList();
}
