using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Tracking;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Tracking;

/// <summary>Theo dõi thực hiện: for the issuer of a directive and the committees above it.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public TrackingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await TrackingQuery.LoadAsync(db, await user.GetViewerAsync(cancellationToken), id, VietnamTime.Today(clock), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
