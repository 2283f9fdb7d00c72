using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tracking;

/// <summary>
/// How a directive is being carried out, for its issuer and the committees above it: the tracking page and
/// GET /api/directives/{id}/tracking. Which directives a viewer may track is <see cref="VisibilityQueries.TrackedBy"/>;
/// task states are <see cref="TaskAssignmentState"/>'s. Every figure is computed by the database.
/// </summary>
public static class TrackingQuery
{
    private const int CascadeDepth = 3;

    public static async Task<TrackingView?> LoadAsync(AppDbContext db, Viewer viewer, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.AsNoTracking()
            .TrackedBy(db, viewer)
            .Where(d => d.Id == id)
            .Select(d => new { d.Id, d.Number, d.Subject, d.IssuerName, d.IssuedOn, d.IssuerId })
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
            .Select(TaskAssignmentState.On(today))
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new
            {
                a.TaskId,
                Handler = db.Users.Where(u => u.Id == a.HandlerUserId).Select(u => u.FullName).FirstOrDefault(),
                Follower = db.Users.Where(u => u.Id == a.FollowerUserId).Select(u => u.FullName).FirstOrDefault(),
                Unit = new TrackingUnit(
                    a.Id,
                    o.Id,
                    o.Name,
                    a.Role,
                    a.Status,
                    a.State == TaskState.Overdue,
                    a.LastReportAt,
                    db.ProgressReports.Where(r => r.TaskAssignmentId == a.Id).OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault(),
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
                        db.ProgressReports.Where(r => r.TaskAssignmentId == a.Id && r.ResultNumber != null).OrderByDescending(r => r.ReportedAt).Select(r => r.ResultNumber).FirstOrDefault(),
                        db.ProgressReports.Where(r => r.TaskAssignmentId == a.Id && r.ResultNumber != null).OrderByDescending(r => r.ReportedAt).Select(r => r.ResultIssuedOn).FirstOrDefault(),
                        a.SubmittedAt,
                        db.ProgressReports.Where(r => r.TaskAssignmentId == a.Id && r.Status == ProgressStatus.AwaitingConfirmation).OrderByDescending(r => r.ReportedAt).Select(r => (Guid?)r.Id).FirstOrDefault(),
                        db.ExtensionRequests.Where(e => e.TaskAssignmentId == a.Id && e.Decision == ExtensionDecision.Pending).Select(e => (Guid?)e.Id).FirstOrDefault(),
                        db.ExtensionRequests.Where(e => e.TaskAssignmentId == a.Id && e.Decision == ExtensionDecision.Pending).Select(e => (DateOnly?)e.ProposedDeadline).FirstOrDefault(),
                        db.ExtensionRequests.Where(e => e.TaskAssignmentId == a.Id && e.Decision == ExtensionDecision.Pending).Select(e => e.Reason).FirstOrDefault(),
                        a.Status == ProgressStatus.Refused ? db.ProgressReports.Where(r => r.TaskAssignmentId == a.Id && r.Status == ProgressStatus.Refused).OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault() : null,
                        a.CancellationReason,
                        a.Version,
                        a.State)),
            })
            .ToListAsync(cancellationToken);

        // Every report's evidence, in one query for the whole directive.
        var evidence = (await (
                    from e in db.ReportEvidence
                    join r in db.ProgressReports on e.ProgressReportId equals r.Id
                    join a in db.TaskAssignments on r.TaskAssignmentId equals a.Id
                    where a.DirectiveId == id
                    orderby r.ReportedAt descending, e.FileName
                    select new { r.TaskAssignmentId, Evidence = new TrackingEvidence(e.Id, e.FileName, r.ReportedAt) })
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.TaskAssignmentId, x => x.Evidence);

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
                units.Where(u => u.TaskId == t.Id).Select(u => (evidence.Contains(u.Unit.TaskAssignmentId) ? u.Unit with { Evidence = evidence[u.Unit.TaskAssignmentId].ToList() } : u.Unit) with { Handler = u.Handler, Follower = u.Follower }).OrderBy(u => u.Role).ThenBy(u => u.Name, StringComparer.Ordinal).ToList(),
                t.DaysAfterReceipt is { } days ? new DirectiveHub.Calendar.ReceiptDeadline(days, t.CountsWorkingDays) : null)).ToList(),
            (await CascadeByParentAsync(db, [id], today, CascadeDepth, cancellationToken)).GetValueOrDefault(id) ?? [],
            directive.IssuerId);
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

        var stated = db.TaskAssignments.Select(TaskAssignmentState.On(today));
        var children = await db.Directives.AsNoTracking()
            .Where(d => d.Status != DirectiveStatus.Draft && d.References.Any(r => r.ReferencedDirectiveId != null && parents.Contains(r.ReferencedDirectiveId.Value)))
            .Select(d => new
            {
                d.Id,
                d.Number,
                d.IssuerId,
                d.IssuerName,
                Parents = d.References.Where(r => r.ReferencedDirectiveId != null).Select(r => r.ReferencedDirectiveId!.Value).ToList(),
                Total = stated.Count(a => a.DirectiveId == d.Id && a.State != TaskState.Closed && a.State != TaskState.Cancelled),
                Done = stated.Count(a => a.DirectiveId == d.Id && (a.State == TaskState.DoneOnTime || a.State == TaskState.DoneLate)),
                Overdue = stated.Count(a => a.DirectiveId == d.Id && a.State == TaskState.Overdue),
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
