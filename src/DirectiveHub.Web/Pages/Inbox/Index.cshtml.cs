using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Inbox;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>Văn bản đến: what is addressed to the user's unit, unacknowledged and urgent first.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public bool? Acknowledged { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A unit beneath the user's committee whose inbox a clerk or leader follows (read-only).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public string? UnitName { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    /// <summary>Việc tôi xử lý: what the user handles or follows, and handles for an absent colleague.</summary>
    public IReadOnlyList<HandlerDuty> Duties { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var organizationId = user.OrganizationId;

        // An officer's own inbox needs nothing but the unit in the sign-in cookie; committees also pick a unit below.
        if (user.SeesSubtree || Unit is not null)
        {
            var viewer = await user.GetViewerAsync(cancellationToken);
            if (viewer.SeesSubtree)
            {
                Units = (await db.Organizations.AsNoTracking().VisibleTo(viewer)
                        .Where(o => o.Id != viewer.OrganizationId && o.DissolvedOn == null)
                        .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).Take(1000).ToListAsync(cancellationToken))
                    .Select(o => (o.Id, o.Name)).ToList();
            }

            if (Unit is { } unit && unit != user.OrganizationId)
            {
                var name = await db.Organizations.AsNoTracking().VisibleTo(viewer).Where(o => o.Id == unit).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
                if (name is null || !viewer.SeesSubtree)
                {
                    return NotFound();
                }

                organizationId = unit;
                UnitName = name;
            }
        }

        if (UnitName is null)
        {
            Duties = await HandlerDuties.ForAsync(db, user.Id, user.OrganizationId, VietnamTime.Today(clock), cancellationToken);
        }

        (Rows, Total) = await InboxQuery.PageAsync(db, organizationId, VietnamTime.Today(clock), new InboxFilter(Acknowledged, Overdue, Type, Year, Q), PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
