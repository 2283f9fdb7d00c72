using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>The task assignments behind a number of the dashboard.</summary>
public sealed class ItemsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "all";

    [BindProperty(SupportsGet = true)]
    public DateOnly From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Issuer { get; set; }

    /// <summary>The overview's trend ("month" or "week"), kept for the way back.</summary>
    [BindProperty(SupportsGet = true)]
    public string? TrendBy { get; set; }

    /// <summary>With <see cref="Unit"/>: the unit and every unit beneath it (a subtotal of the tree).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Below { get; set; }

    /// <summary>Only this directive's task assignments (a cell of the heat map, a row of the by-directive view).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Directive { get; set; }

    /// <summary>"assigned": the tasks the unit's subtree was assigned ("Nhiệm vụ đơn vị được giao"), not those it issued.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public IReadOnlyList<DashboardItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new DashboardFilter(Org ?? user.OrganizationId, From, To, Type, Issuer);
        var items = await DashboardQuery.ItemsAsync(db, await user.GetViewerAsync(cancellationToken), filter, Unit, Below, Directive, Status, Scope == "assigned", VietnamTime.Today(clock), 500, cancellationToken);
        if (items is null)
        {
            return NotFound();
        }

        Items = items;
        return Page();
    }
}
