using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>The official print layout (A4, print CSS) and the same as a DOCX download.</summary>
public sealed class PrintModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public PrintedDirective Document { get; private set; } = null!;

    public Guid Id { get; private set; }

    /// <summary>Where "Về trang văn bản" leads for this reader: the issuer's clerk to the directive, a recipient to its inbox page, a leader to tracking.</summary>
    public string? BackPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        Id = id;
        BackPage = await Directives.BackPage.OfAsync(db, user, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        // A draft has no number yet ("Số   -CV/HU"): its file is named as a draft, not "-CV_HU.docx".
        var symbol = document.NumberLine.Replace("Số ", "", StringComparison.Ordinal).Trim().Replace('/', '_');
        var name = (symbol.Length > 0 && char.IsDigit(symbol[0]) ? symbol : "du-thao-" + id.ToString("N")[..8]) + ".docx";
        return File(DirectiveDocx.Build(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    private async Task<PrintedDirective?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await PrintedDirective.LoadAsync(db, await user.GetViewerAsync(cancellationToken), id, VietnamTime.Today(clock), cancellationToken);
}
