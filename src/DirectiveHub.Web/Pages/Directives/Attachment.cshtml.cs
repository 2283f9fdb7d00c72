using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Storage;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>Downloads an attachment, only for those who may see its directive.</summary>
public sealed class AttachmentModel(AppDbContext db, CurrentUser user, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var visible = db.Directives.AsNoTracking().VisibleTo(db, viewer);
        var attachment = await db.Directives.AsNoTracking()
            .Where(d => visible.Any(v => v.Id == d.Id))
            .SelectMany(d => d.Attachments)
            .Where(a => a.Id == id)
            .Select(a => new { a.FileName, a.ContentType, a.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        var content = attachment is null ? null : await store.OpenAsync(attachment.StorageKey, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        return File(content, attachment!.ContentType, attachment.FileName);
    }
}
