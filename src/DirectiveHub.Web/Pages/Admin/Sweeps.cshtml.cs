using DirectiveHub.Assignments;
using DirectiveHub.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The last runs of the overdue sweep: when, how long, what they flagged, and errors.</summary>
public sealed class SweepsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SweepRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Runs = await db.SweepRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(cancellationToken);
}
