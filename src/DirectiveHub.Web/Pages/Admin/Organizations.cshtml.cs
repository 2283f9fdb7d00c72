using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Web.Api;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The administrator's part of the organization tree, with CSV import (all or nothing) and export.</summary>
public sealed class OrganizationsModel(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public IReadOnlyList<CsvError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Csv { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OrganizationCsv.Export(Organizations))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "to-chuc.csv");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var text = Csv;
        if (file is { Length: > 0 and < 5 * 1024 * 1024 })
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Errors = [new CsvError(1, localizer["ImportNothing"])];
        }
        else
        {
            var result = await AdminEndpoints.ImportCsvAsync(text, user, db, audit, clock, cancellationToken);
            Errors = result.Errors;
            Message = result.Succeeded ? localizer["OrganizationsImported", result.Created].Value : null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        Organizations = await db.Organizations.AsNoTracking().VisibleTo(viewer).OrderBy(o => o.Path).ToListAsync(cancellationToken);
    }
}
