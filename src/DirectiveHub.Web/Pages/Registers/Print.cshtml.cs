using DirectiveHub.Registers;
using DirectiveHub.Web.Features.Registers;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveHub.Web.Pages.Registers;

/// <summary>The register in its printed layout: A4 landscape, the column header repeated on every page, page numbers.</summary>
public sealed class PrintModel(RegisterBook book, RegisterTables tables, CurrentUser user, TimeProvider clock) : RegisterPageModel(book, tables, user, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(0, RegisterBook.MaxRows, cancellationToken) ?? Page();
}
