using System.Globalization;
using DirectiveHub.Directives;
using DirectiveHub.Registers;
using DirectiveHub.Reports;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Exports;
using DirectiveHub.Web.Features.Reports;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Reports;

/// <summary>
/// The periodic report of a unit for a period, computed live, with "Chốt số liệu" to freeze it and the list of the
/// unit's frozen reports (who froze them, when, and their BC number once issued).
/// </summary>
public sealed class IndexModel(PeriodicReports reports, RegisterBook book, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    /// <summary>month, quarter, half or year.</summary>
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "quarter";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The month (1–12), quarter (1–4) or half (1–2).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Part { get; set; }

    public IReadOnlyList<RegisterUnit> Units { get; private set; } = [];

    public RegisterUnit Unit { get; private set; } = null!;

    public ReportPeriod? Period { get; private set; }

    public PeriodicReportContent? Report { get; private set; }

    public IReadOnlyList<FrozenReportRow> Frozen { get; private set; } = [];

    public bool CanFreeze => user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } result)
        {
            return result;
        }

        return Report is null
            ? Page()
            : File(await ReportWorkbook.WriteAsync(Report, null, cancellationToken), Workbook.ContentType, $"bao-cao-{Report.PeriodCode}-{Unit.Name}.xlsx");
    }

    public async Task<IActionResult> OnPostFreezeAsync(CancellationToken cancellationToken)
    {
        if (!CanFreeze)
        {
            return Forbid();
        }

        if (await LoadAsync(cancellationToken) is { } result)
        {
            return result;
        }

        if (Period is null)
        {
            return Page();
        }

        var actor = new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
        var report = await reports.FreezeAsync(await user.GetViewerAsync(cancellationToken), actor, Unit.Id, Period, cancellationToken);
        return report is null ? NotFound() : RedirectToPage("./View", new { id = report.Id });
    }

    public Dictionary<string, string?> Route() => new()
    {
        ["org"] = Unit.Id.ToString(),
        ["kind"] = Kind,
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["part"] = Part?.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var unit = await book.UnitAsync(viewer, Org ?? user.OrganizationId, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Units = await book.UnitsAsync(viewer, cancellationToken);
        Frozen = await reports.FrozenAsync(viewer, unit.Id, cancellationToken);
        var today = VietnamTime.Today(clock);
        Year ??= today.Year;
        var code = Kind switch
        {
            "month" => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Part ?? today.Month:00}"),
            "half" => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Part ?? (today.Month <= 6 ? 1 : 2)}"),
            "year" => string.Create(CultureInfo.InvariantCulture, $"{Year}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Part ?? ((today.Month + 2) / 3)}"),
        };
        Period = ReportPeriod.Parse(code);
        if (Period is null)
        {
            ModelState.AddModelError(nameof(Part), "Kỳ báo cáo không hợp lệ: năm từ 1990 đến 9998; tháng 1–12, quý 1–4, 6 tháng 1–2.");
            return null;
        }

        Report = await reports.ComputeAsync(viewer, unit.Id, Period, cancellationToken);
        return null;
    }
}
