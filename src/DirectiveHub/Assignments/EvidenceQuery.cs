using DirectiveHub.Access;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>A report's evidence file as the viewer may download it (the inbox's and the tracking page's links).</summary>
public static class EvidenceQuery
{
    public sealed record EvidenceDownload(string FileName, string ContentType, string StorageKey);

    /// <summary>
    /// The file, for the reporting unit, the lead of a task it coordinates and the committees that track the directive;
    /// null for anyone else. A
    /// confidential directive's evidence is content: it follows <see cref="VisibilityQueries.VisibleTo(IQueryable{Directives.Directive}, AppDbContext, Viewer)"/>.
    /// </summary>
    public static async Task<EvidenceDownload?> FindAsync(AppDbContext db, Viewer viewer, Guid evidenceId, CancellationToken cancellationToken)
    {
        var readable = db.Directives.VisibleTo(db, viewer).Select(d => d.Id);
        var tracked = db.Directives.TrackedBy(db, viewer).Select(d => d.Id);
        return await (
                from e in db.ReportEvidence
                join r in db.ProgressReports on e.ProgressReportId equals r.Id
                join t in db.TaskAssignments on r.TaskAssignmentId equals t.Id
                where e.Id == evidenceId
                    && readable.Contains(t.DirectiveId)
                    && (t.OrganizationId == viewer.OrganizationId || tracked.Contains(t.DirectiveId)
                        // A coordinating unit reports to the task's lead, which reads its results beside its own.
                        || (t.Role == AssignmentRole.Coordinator
                            && db.TaskAssignments.Any(l => l.TaskId == t.TaskId && l.Role == AssignmentRole.Lead && l.OrganizationId == viewer.OrganizationId)))
                select new EvidenceDownload(e.FileName, e.ContentType, e.StorageKey))
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
    }
}
