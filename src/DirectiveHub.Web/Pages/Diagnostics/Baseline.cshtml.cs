using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Diagnostics;

/// <summary>
/// The load benchmark's yardstick: the signed-in unit and the units directly beneath it, from one plain indexed query,
/// in the normal layout. Other pages' throughput is reported as a share of this page's on the same run, a figure that
/// survives machine noise (docs/benchmarks.md).
/// </summary>
public sealed class BaselineModel(AppDbContext db, CurrentUser user, DirectiveHub.Dashboards.DashboardCache dashboards) : PageModel
{
    /// <summary>Dashboard:CacheSeconds, so that bench-http can tell a cache-off run from a cached one.</summary>
    public int DashboardCacheSeconds => (int)dashboards.Lifetime.TotalSeconds;

    public IReadOnlyList<Row> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var unit = user.OrganizationId;
        Units = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == unit || o.ParentId == unit)
            .OrderBy(o => o.Depth).ThenBy(o => o.Code)
            .Take(50)
            .Select(o => new Row(o.Code, o.Name, o.Place))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(string Code, string Name, string? Place);
}
