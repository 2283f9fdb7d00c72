using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Storage;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>Downloads a report's evidence: for the reporting unit, and for the committees that track the directive.</summary>
public sealed class EvidenceModel(AppDbContext db, CurrentUser user, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var file = await (
                from e in db.ReportEvidence
                join r in db.ProgressReports on e.ProgressReportId equals r.Id
                join t in db.TaskAssignments on r.TaskAssignmentId equals t.Id
                join d in db.Directives on t.DirectiveId equals d.Id
                where e.Id == id
                select new
                {
                    e.FileName,
                    e.ContentType,
                    e.StorageKey,
                    Own = t.OrganizationId == viewer.OrganizationId,
                    Tracks = viewer.SeesSubtree && db.Organizations.Any(o => o.Id == d.IssuerId && o.Path.StartsWith(viewer.OrganizationPath)),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        var content = file is null || !(file.Own || file.Tracks) ? null : await store.OpenAsync(file.StorageKey, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        return File(content, file!.ContentType, file.FileName);
    }
}
