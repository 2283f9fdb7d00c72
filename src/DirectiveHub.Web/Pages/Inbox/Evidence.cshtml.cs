using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>Downloads a report's evidence: for the reporting unit, and for the committees that track the directive.</summary>
public sealed class EvidenceModel(AppDbContext db, CurrentUser user, AttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await EvidenceQuery.FindAsync(db, await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        if (file is null || !System.IO.File.Exists(store.PathOf(file.StorageKey)))
        {
            return NotFound();
        }

        return PhysicalFile(store.PathOf(file.StorageKey), file.ContentType, file.FileName);
    }
}
