using DirectiveHub.Directives;
using DirectiveHub.Reports;
using DirectiveHub.Web.Features.Exports;
using DirectiveHub.Web.Features.Reports;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Reports;

/// <summary>A frozen report in the layout of a báo cáo, as stored; its workbook; issuing it as a numbered BC document.</summary>
public sealed class ViewModel(PeriodicReports reports, CurrentUser user) : PageModel
{
    public PeriodicReport Stored { get; private set; } = null!;

    public PeriodicReportContent Report { get; private set; } = null!;

    public bool CanIssue { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(await ReportWorkbook.WriteAsync(Report, Stored.Number, cancellationToken), Workbook.ContentType, $"bao-cao-{Report.PeriodCode}-{Report.OrganizationName}.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanIssue)
        {
            return Forbid();
        }

        try
        {
            var actor = new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
            await reports.IssueAsync(await user.GetViewerAsync(cancellationToken), actor, id, cancellationToken);
            return RedirectToPage(new { id });
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var stored = await reports.GetAsync(viewer, id, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        Stored = stored;
        Report = stored.Content;
        CanIssue = viewer.IsClerk && viewer.OrganizationId == stored.OrganizationId && stored.DirectiveId is null;
        return true;
    }
}
