using DirectiveHub.Registers;
using DirectiveHub.Web.Features.Exports;
using DirectiveHub.Web.Features.Registers;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveHub.Web.Pages.Registers;

/// <summary>The registers on screen, a page at a time, with the links to print them and to download them as Excel.</summary>
public sealed class IndexModel(RegisterBook book, RegisterTables tables, CurrentUser user, TimeProvider clock) : RegisterPageModel(book, tables, user, clock)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Table is null ? 1 : Math.Max(1, (Table.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        return await LoadAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(0, RegisterBook.MaxRows, cancellationToken) is { } result)
        {
            return result;
        }

        if (Table is null)
        {
            return Page();
        }

        var title = $"{Table.Title} · {Unit.Name} · {RegisterTables.PeriodText(Period!)}";
        var sheets = new Dictionary<string, List<Dictionary<string, object?>>> { [Table.ShortName] = Table.AsSheet() };
        return File(await Workbook.WriteAsync(sheets, title, cancellationToken), Workbook.ContentType, FileName("xlsx"));
    }
}
