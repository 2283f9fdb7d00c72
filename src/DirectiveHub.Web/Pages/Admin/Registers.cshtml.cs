using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>Number registers of the administrator's units: open one per type and period, set the next number (never one already issued).</summary>
public sealed class RegistersModel(AppDbContext db, CurrentUser user, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Issuers { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(Guid id, int next, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        var register = await db.NumberRegisters.SingleOrDefaultAsync(r => r.Id == id && units.Contains(r.IssuerId), cancellationToken);
        if (register is null)
        {
            return NotFound();
        }

        try
        {
            var before = register.NextSequence;
            var highestInUse = register.LastIssued > NumberRegister.MaxSequence
                ? await db.Directives.Where(d => d.RegisterId == register.Id && d.Sequence <= NumberRegister.MaxSequence).MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? 0
                : (int?)null;
            register.StartAt(next, highestInUse);
            audit.Record(AuditActions.SettingChanged, nameof(NumberRegister), id.ToString(), new { NextSequence = new { before, after = next } });
            await db.SaveChangesAsync(cancellationToken);
            Message = localizer["RegisterUpdated", next].Value;
            return RedirectToPage();
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid issuerId, string type, NumberingPeriod period, DateOnly start, DateOnly? end, bool confidential, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        if (!await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == issuerId, cancellationToken) || !DocumentType.IsKnown(type))
        {
            return NotFound();
        }

        try
        {
            var register = new NumberRegister(issuerId, type, confidential, period, start, end);
            db.NumberRegisters.Add(register);
            audit.Record(AuditActions.SettingChanged, nameof(NumberRegister), register.Id.ToString(), new { Opened = type, period, start, end, confidential });
            await db.SaveChangesAsync(cancellationToken);
            Message = localizer["RegisterOpened"].Value;
            return RedirectToPage();
        }
        catch (Exception exception) when (exception is DomainException or DbUpdateException)
        {
            Error = exception is DomainException ? exception.Message : localizer["RegisterExists"];
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = db.Organizations.VisibleTo(viewer);
        Issuers = (await units.Where(o => o.DissolvedOn == null).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        Rows = await db.NumberRegisters.AsNoTracking()
            .Join(units, r => r.IssuerId, o => o.Id, (r, o) => new { r, o.Name, o.Path })
            .OrderBy(x => x.Path).ThenBy(x => x.r.DocumentType).ThenByDescending(x => x.r.PeriodStart)
            .Take(1000)
            .Select(x => new Row(x.r.Id, x.Name, x.r.DocumentType, x.r.IsConfidential, x.r.Period, x.r.PeriodStart, x.r.PeriodEnd, x.r.LastIssued, x.r.NextSequence))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string Issuer, string Type, bool Confidential, NumberingPeriod Period, DateOnly Start, DateOnly? End, int LastIssued, int Next);
}
