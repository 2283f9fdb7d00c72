using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Printing;
using DirectiveHub.Signing;
using DirectiveHub.Storage;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>The signatures of a directive's PDF (its record copy, or one PDF attachment), checked against the trusted roots.</summary>
public sealed class SignaturesModel(AppDbContext db, CurrentUser user, RecordCopies copies, IFileStore store, PdfSignatures signatures) : PageModel
{
    public string FileName { get; private set; } = string.Empty;

    public IReadOnlyList<SignatureCheck> Checks { get; private set; } = [];

    public Guid DirectiveId { get; private set; }

    /// <summary>The directive's page this reader came from (<see cref="Directives.BackPage"/>).</summary>
    public string? BackPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? attachment, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        byte[] pdf;
        if (attachment is { } attachmentId)
        {
            var visible = db.Directives.AsNoTracking().VisibleTo(db, viewer).Where(d => d.Id == id);
            var file = await visible.SelectMany(d => d.Attachments).Where(a => a.Id == attachmentId && a.ContentType == "application/pdf")
                .Select(a => new { a.FileName, a.StorageKey, a.Length }).SingleOrDefaultAsync(cancellationToken);
            await using var content = file is null || file.Length > store.MaxBytes ? null : await store.OpenAsync(file.StorageKey, cancellationToken);
            if (file is null || content is null)
            {
                return NotFound();
            }

            FileName = file.FileName;
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            pdf = buffer.ToArray();
        }
        else
        {
            var copy = await copies.OpenAsync(viewer, id, cancellationToken);
            if (copy is null)
            {
                return NotFound();
            }

            await using (copy.Content)
            {
                using var buffer = new MemoryStream();
                await copy.Content.CopyToAsync(buffer, cancellationToken);
                pdf = buffer.ToArray();
            }

            FileName = copy.FileName;
        }

        Checks = await signatures.CheckAsync(pdf, cancellationToken);
        DirectiveId = id;
        BackPage = await Directives.BackPage.OfAsync(db, user, id, cancellationToken);
        return Page();
    }
}
