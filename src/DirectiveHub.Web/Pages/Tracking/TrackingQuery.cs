using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Tracking;

public sealed record TrackingView(
    Guid Id,
    string? Number,
    string Subject,
    string? IssuerName,
    DateOnly? IssuedOn,
    IReadOnlyList<TrackingRecipient> Recipients,
    IReadOnlyList<TrackingTask> Tasks,
    IReadOnlyList<TrackingCascade> ImplementedBy);

public sealed record TrackingRecipient(Guid OrganizationId, string Name, DateTime? AcknowledgedAt);

/// <param name="AfterReceipt">The span of a deadline counted from receipt; each unit's date is on its row.</param>
public sealed record TrackingTask(Guid TaskId, string Label, string Text, DateOnly? Deadline, IReadOnlyList<TrackingUnit> Assignments, DirectiveHub.Calendar.ReceiptDeadline? AfterReceipt = null);

/// <param name="Deadline">The unit's deadline in force; null with <paramref name="DeadlinePending"/> until its receipt starts the clock.</param>
public sealed record TrackingUnit(Guid TaskAssignmentId, Guid OrganizationId, string Name, AssignmentRole Role, ProgressStatus Status, bool Overdue, DateTime? LastReportAt, string? LastNote, DateOnly? Deadline = null, bool DeadlinePending = false, DateOnly? ReceivedOn = null, TrackingLifecycle? Lifecycle = null);

/// <summary>What the issuer decides on: the latest result, the pending extension, the counts, the grade.</summary>
public sealed record TrackingLifecycle(
    bool Acknowledged,
    DateOnly? OriginalDeadline,
    int Extensions,
    int Urgings,
    int Returns,
    ResultQuality? Quality,
    ResultTiming? Timing,
    string? ResultNumber,
    DateOnly? ResultIssuedOn,
    DateTime? SubmittedAt,
    Guid? ResultReportId,
    Guid? PendingExtensionId,
    DateOnly? PendingExtensionDeadline,
    string? PendingExtensionReason,
    string? RefusalReason,
    string? CancellationReason,
    int Version)
{
    /// <summary>The national exchange's status code for this state.</summary>
    public string ExchangeStatusCode(ProgressStatus status) => ExchangeStatus.Of(status, Acknowledged);
}

/// <summary>A directive issued to carry this one out, with its own progress and the directives beneath it.</summary>
public sealed record TrackingCascade(Guid DirectiveId, string? Number, Guid OrganizationId, string? IssuerName, int Total, int Done, int Overdue, IReadOnlyList<TrackingCascade> ImplementedBy);

/// <summary>
/// How a directive is being carried out, for its issuer and the committees above it: the tracking page and
/// GET /api/directives/{id}/tracking. Every figure is computed by the database.
/// </summary>
public static class TrackingQuery
{
    private const int CascadeDepth = 3;

    public static async Task<TrackingView?> LoadAsync(AppDbContext db, Viewer viewer, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        if (!viewer.SeesSubtree)
        {
            return null;
        }

        var directive = await db.Directives.AsNoTracking()
            .Where(d => d.Id == id && d.Status != DirectiveStatus.Draft)
            .Where(d => db.Organizations.Any(o => o.Id == d.IssuerId && o.Path.StartsWith(viewer.OrganizationPath)))
            .Select(d => new { d.Id, d.Number, d.Subject, d.IssuerName, d.IssuedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null)
        {
            return null;
        }

        var recipients = await db.Assignments.AsNoTracking()
            .Where(a => a.DirectiveId == id)
            .OrderBy(a => a.Position)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new TrackingRecipient(o.Id, o.Name, a.AcknowledgedAt))
            .ToListAsync(cancellationToken);

        var tasks = await db.DirectiveTasks.AsNoTracking()
            .Where(t => t.DirectiveId == id)
            .OrderBy(t => t.Position)
            .Select(t => new { t.Id, t.Label, t.Text, t.Deadline, t.DaysAfterReceipt, t.CountsWorkingDays })
            .ToListAsync(cancellationToken);
        var units = await db.TaskAssignments.AsNoTracking()
            .Where(a => a.DirectiveId == id)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new
            {
                a.TaskId,
                Unit = new TrackingUnit(
                    a.Id,
                    o.Id,
                    o.Name,
                    a.Role,
                    a.Status,
                    (a.Status == ProgressStatus.NotStarted || a.Status == ProgressStatus.InProgress || a.Status == ProgressStatus.Blocked || a.Status == ProgressStatus.Returned) && a.Deadline != null && a.Deadline < today,
                    a.LastReportAt,
                    a.Reports.OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault(),
                    a.Deadline,
                    a.DaysAfterReceipt != null && a.ReceivedOn == null,
                    a.ReceivedOn,
                    new TrackingLifecycle(
                        db.Assignments.Any(r => r.DirectiveId == a.DirectiveId && r.OrganizationId == a.OrganizationId && r.AcknowledgedAt != null),
                        a.OriginalDeadline,
                        a.ExtensionCount,
                        a.UrgingCount,
                        a.ReturnCount,
                        a.Quality,
                        a.Timing,
                        a.Reports.Where(r => r.ResultNumber != null).OrderByDescending(r => r.ReportedAt).Select(r => r.ResultNumber).FirstOrDefault(),
                        a.Reports.Where(r => r.ResultNumber != null).OrderByDescending(r => r.ReportedAt).Select(r => r.ResultIssuedOn).FirstOrDefault(),
                        a.SubmittedAt,
                        a.Reports.Where(r => r.Status == ProgressStatus.AwaitingConfirmation).OrderByDescending(r => r.ReportedAt).Select(r => (Guid?)r.Id).FirstOrDefault(),
                        a.ExtensionRequests.Where(e => e.Decision == ExtensionDecision.Pending).Select(e => (Guid?)e.Id).FirstOrDefault(),
                        a.ExtensionRequests.Where(e => e.Decision == ExtensionDecision.Pending).Select(e => (DateOnly?)e.ProposedDeadline).FirstOrDefault(),
                        a.ExtensionRequests.Where(e => e.Decision == ExtensionDecision.Pending).Select(e => e.Reason).FirstOrDefault(),
                        a.Status == ProgressStatus.Refused ? a.Reports.Where(r => r.Status == ProgressStatus.Refused).OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault() : null,
                        a.CancellationReason,
                        a.Version)),
            })
            .ToListAsync(cancellationToken);

        return new TrackingView(
            directive.Id,
            directive.Number,
            directive.Subject,
            directive.IssuerName,
            directive.IssuedOn,
            recipients,
            tasks.Select(t => new TrackingTask(
                t.Id,
                t.Label,
                t.Text,
                t.Deadline,
                units.Where(u => u.TaskId == t.Id).Select(u => u.Unit).OrderBy(u => u.Role).ThenBy(u => u.Name, StringComparer.Ordinal).ToList(),
                t.DaysAfterReceipt is { } days ? new DirectiveHub.Calendar.ReceiptDeadline(days, t.CountsWorkingDays) : null)).ToList(),
            (await CascadeByParentAsync(db, [id], today, CascadeDepth, cancellationToken)).GetValueOrDefault(id) ?? []);
    }

    /// <summary>
    /// The directives that carry out each of <paramref name="parents"/> (they cite it), with their progress, down
    /// <paramref name="depth"/> levels: one query per level, whatever the number of parents.
    /// </summary>
    public static async Task<Dictionary<Guid, List<TrackingCascade>>> CascadeByParentAsync(AppDbContext db, List<Guid> parents, DateOnly today, int depth, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<TrackingCascade>>();
        if (depth == 0 || parents.Count == 0)
        {
            return result;
        }

        var children = await db.Directives.AsNoTracking()
            .Where(d => d.Status != DirectiveStatus.Draft && d.References.Any(r => r.ReferencedDirectiveId != null && parents.Contains(r.ReferencedDirectiveId.Value)))
            .Select(d => new
            {
                d.Id,
                d.Number,
                d.IssuerId,
                d.IssuerName,
                Parents = d.References.Where(r => r.ReferencedDirectiveId != null).Select(r => r.ReferencedDirectiveId!.Value).ToList(),
                Total = db.TaskAssignments.Count(a => a.DirectiveId == d.Id),
                Done = db.TaskAssignments.Count(a => a.DirectiveId == d.Id && (a.Status == ProgressStatus.Done || a.Status == ProgressStatus.DoneLate)),
                Overdue = db.TaskAssignments.Count(a => a.DirectiveId == d.Id && a.Status != ProgressStatus.Done && a.Status != ProgressStatus.DoneLate && a.Deadline != null && a.Deadline < today),
            })
            .ToListAsync(cancellationToken);
        var below = await CascadeByParentAsync(db, children.Select(c => c.Id).ToList(), today, depth - 1, cancellationToken);
        foreach (var c in children)
        {
            var node = new TrackingCascade(c.Id, c.Number, c.IssuerId, c.IssuerName, c.Total, c.Done, c.Overdue, below.GetValueOrDefault(c.Id) ?? []);
            foreach (var parent in c.Parents.Where(parents.Contains).Distinct())
            {
                if (!result.TryGetValue(parent, out var list))
                {
                    result[parent] = list = [];
                }

                list.Add(node);
            }
        }

        return result;
    }
}
