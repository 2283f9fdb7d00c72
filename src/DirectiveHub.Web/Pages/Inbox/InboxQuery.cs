using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>A row of the inbox. Init properties, not a positional record: EF can filter and sort on them after projecting.</summary>
public sealed record InboxRow
{
    public Guid DirectiveId { get; init; }

    public string? Number { get; init; }

    public string DocumentType { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public DateOnly? IssuedOn { get; init; }

    public Urgency Urgency { get; init; }

    public string? IssuerName { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    public DateOnly? NearestDeadline { get; init; }

    public bool Overdue { get; init; }
}

public sealed record InboxFilter(bool? Acknowledged = null, bool? Overdue = null, string? Type = null, int? Year = null, string? Q = null);

/// <summary>A unit's incoming directives (văn bản đến), for the inbox page and GET /api/inbox alike.</summary>
public static class InboxQuery
{
    public static IQueryable<InboxRow> For(AppDbContext db, Guid organizationId, DateOnly today, InboxFilter filter)
    {
        var directives = db.Directives.Where(d => d.Status != DirectiveStatus.Draft)
            .Filter(new DirectiveFilter(filter.Q, filter.Type, null, filter.Year));
        var rows =
            from a in db.Assignments
            where a.OrganizationId == organizationId
            join d in directives on a.DirectiveId equals d.Id
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
                NearestDeadline = db.TaskAssignments
                    .Where(t => t.DirectiveId == d.Id && t.OrganizationId == organizationId && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate)
                    .Min(t => t.Deadline),
                Overdue = db.TaskAssignments
                    .Any(t => t.DirectiveId == d.Id && t.OrganizationId == organizationId && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Deadline < today),
            };

        if (filter.Acknowledged is { } acknowledged)
        {
            rows = acknowledged ? rows.Where(r => r.AcknowledgedAt != null) : rows.Where(r => r.AcknowledgedAt == null);
        }

        if (filter.Overdue is { } overdue)
        {
            rows = rows.Where(r => r.Overdue == overdue);
        }

        return rows;
    }

    /// <summary>Not yet acknowledged first; among them the most urgent (hỏa tốc, thượng khẩn, khẩn); then the newest.</summary>
    public static IOrderedQueryable<InboxRow> InInboxOrder(this IQueryable<InboxRow> rows) =>
        rows.OrderBy(r => r.AcknowledgedAt == null ? 0 : 1)
            .ThenByDescending(r => r.Urgency == Urgency.HoaToc ? 3 : r.Urgency == Urgency.ThuongKhan ? 2 : r.Urgency == Urgency.Khan ? 1 : 0)
            .ThenByDescending(r => r.IssuedOn)
            .ThenByDescending(r => r.Number);
}
