using DirectiveHub.Printing;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>The directive's PDF (the signed record copy once published) for anyone who may see the directive.</summary>
public sealed class PdfModel(CurrentUser user, RecordCopies copies) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await copies.OpenAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        if (file.Sha256 is not null)
        {
            Response.Headers["X-Record-Copy-SHA256"] = file.Sha256;
        }

        return File(file.Content, RecordCopy.ContentType, file.FileName);
    }
}
