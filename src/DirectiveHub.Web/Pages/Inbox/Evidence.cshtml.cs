using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Storage;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>Downloads a report's evidence: for the reporting unit, and for the committees that track the directive.</summary>
public sealed class EvidenceModel(AppDbContext db, CurrentUser user, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await EvidenceQuery.FindAsync(db, await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        var content = file is null ? null : await store.OpenAsync(file.StorageKey, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        return File(content, file!.ContentType, file.FileName);
    }
}
