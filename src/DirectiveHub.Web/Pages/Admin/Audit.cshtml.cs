using System.Text;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The audit log, read-only: no page or API changes or deletes an entry.</summary>
public sealed class AuditModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await Query(await user.GetViewerAsync(cancellationToken)).Take(200).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await Query(await user.GetViewerAsync(cancellationToken)).Take(100_000).ToListAsync(cancellationToken);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditLog.Csv(rows))).ToArray(), "text/csv; charset=utf-8", "nhat-ky.csv");
    }

    private IQueryable<AuditRow> Query(DirectiveHub.Access.Viewer viewer) =>
        AuditLog.Query(db, viewer, UserId, null, EntityType, From, To);
}
