using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>
/// The administrator's part of the organization tree: browse it as it stood on any date, search it without diacritics,
/// create, rename, move, dissolve or merge units (each from an effective date), and CSV import (all or nothing) and export.
/// </summary>
public sealed class OrganizationsModel(AppDbContext db, CurrentUser user, TimeProvider clock, OrganizationChanges changes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    /// <summary>The tree on <see cref="AsOf"/>, narrowed by <see cref="Q"/>.</summary>
    public IReadOnlyList<TreeLine> Lines { get; private set; } = [];

    /// <summary>Units kept under a dissolved committee, left out of the tree: the administrator moves or dissolves them.</summary>
    public IReadOnlyList<Organization> LeftBehind { get; private set; } = [];

    /// <summary>Dissolved units that still have users or open registers: the administrator moves them.</summary>
    public IReadOnlyList<DissolvedHolding> Holdings { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The date the tree is shown as of; today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    [BindProperty]
    public NewOrganization? NewUnit { get; set; }

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
            var result = await OrganizationAdministration.ImportCsvAsync(db, await user.GetViewerAsync(cancellationToken), user.Actor, text, clock.GetUtcNow().UtcDateTime, cancellationToken);
            Errors = result.Errors;
            Message = result.Succeeded ? localizer["OrganizationsImported", result.Created].Value : null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Creates one unit under a parent of the administrator's subtree.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (NewUnit is null)
        {
            return BadRequest();
        }

        var result = await OrganizationAdministration.CreateAsync(db, await user.GetViewerAsync(cancellationToken), user.Actor, NewUnit, clock.GetUtcNow().UtcDateTime, cancellationToken);
        Errors = result.Errors;
        Message = result.Succeeded ? localizer["UnitCreated", NewUnit.Code.Trim().ToUpperInvariant()].Value : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A new name, symbol or place from a date; documents dated before it keep the old name.</summary>
    public async Task<IActionResult> OnPostRenameAsync(Guid unit, string? name, string? symbolCode, string? place, string? partyBodyName, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync([unit], cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            await changes.RenameAsync(unit, name ?? string.Empty, symbolCode ?? string.Empty, place, partyBodyName, effectiveOn, Actor(), cancellationToken);
            return localizer["UnitRenamed"].Value;
        }, cancellationToken);
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

    /// <summary>What the pending dissolution or merger would do; set while the administrator is asked to confirm it.</summary>
    public DissolutionPreview? Pending { get; private set; }

    public IReadOnlyList<Guid> PendingUnits { get; private set; } = [];

    public Guid? PendingSuccessor { get; private set; }

    public DateOnly PendingEffectiveOn { get; private set; }

    /// <summary>
    /// Dissolves one unit, or merges several into a successor that takes over their open work. It cannot be undone in
    /// the interface, so the first post only shows what would happen (<see cref="DissolutionPreview"/>); the
    /// confirmation posts again with <paramref name="confirmed"/>.
    /// </summary>
    public async Task<IActionResult> OnPostDissolveAsync(List<Guid> units, Guid? successor, DateOnly effectiveOn, bool confirmed, CancellationToken cancellationToken)
    {
        if (units.Count == 0 || !await InScopeAsync(successor is { } s ? [.. units, s] : units, cancellationToken))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Pending = await DissolutionPreview.LoadAsync(db, units, successor, effectiveOn, cancellationToken);
            PendingUnits = units.Distinct().ToList();
            PendingSuccessor = successor;
            PendingEffectiveOn = effectiveOn;
            await LoadAsync(cancellationToken);
            return Page();
        }

        // A unit and the units under it may go together: the lowest go first, so none is left with active children.
        var distinct = units.Distinct().ToList();
        var ordered = await db.Organizations.AsNoTracking().Where(o => distinct.Contains(o.Id)).OrderByDescending(o => o.Depth).Select(o => o.Id).ToListAsync(cancellationToken);
        return await ChangeAsync(async () =>
        {
            var transferred = 0;
            foreach (var unit in ordered)
            {
                transferred += await changes.DissolveAsync(unit, successor, effectiveOn, Actor(), cancellationToken);
            }

            return localizer["UnitsDissolved", ordered.Count, transferred].Value;
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
        var date = AsOf ?? DirectiveHub.Time.VietnamTime.Today(clock);
        Lines = OrganizationTree.Search(OrganizationTree.AsOf(Organizations, date), Q);
        LeftBehind = OrganizationTree.LeftBehind(Organizations, date);
        Holdings = await DissolvedHoldings.LoadAsync(db, db.Organizations.AsNoTracking().VisibleTo(viewer), cancellationToken);
    }
}
