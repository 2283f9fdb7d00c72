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
public sealed class OrganizationsModel(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, OrganizationChanges changes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public IReadOnlyList<CsvError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public string Today => DirectiveHub.Time.VietnamTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>Moves a unit (and its subtree) under another parent, from a date.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid unit, Guid parent, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync([unit, parent], cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            await changes.MoveAsync(unit, parent, effectiveOn, Actor(), cancellationToken);
            return localizer["UnitMoved"].Value;
        }, cancellationToken);
    }

    /// <summary>Dissolves one unit, or merges several into a successor that takes over their open work.</summary>
    public async Task<IActionResult> OnPostDissolveAsync(List<Guid> units, Guid? successor, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        if (units.Count == 0 || !await InScopeAsync(successor is { } s ? [.. units, s] : units, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var transferred = 0;
            foreach (var unit in units.Distinct())
            {
                transferred += await changes.DissolveAsync(unit, successor, effectiveOn, Actor(), cancellationToken);
            }

            return localizer["UnitsDissolved", units.Count, transferred].Value;
        }, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, CancellationToken cancellationToken)
    {
        try
        {
            Message = await change();
        }
        catch (DirectiveHub.DomainException exception)
        {
            Errors = [new CsvError(0, exception.Message)];
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> InScopeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var distinct = ids.Distinct().ToList();
        return await db.Organizations.VisibleTo(viewer).CountAsync(o => distinct.Contains(o.Id), cancellationToken) == distinct.Count;
    }

    private DirectiveHub.Directives.Actor Actor() => new(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        Organizations = await db.Organizations.AsNoTracking().VisibleTo(viewer).OrderBy(o => o.Path).ToListAsync(cancellationToken);
    }
}
