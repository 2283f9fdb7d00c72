using DirectiveHub.Registers;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Registers;

/// <summary>The printable task slip (phiếu giao việc) of a directive received by a unit, from its assignment data.</summary>
public sealed class TaskSlipModel(RegisterBook book, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    public TaskSlip Slip { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var slip = await book.TaskSlipAsync(await user.GetViewerAsync(cancellationToken), id, Org ?? user.OrganizationId, cancellationToken);
        if (slip is null)
        {
            return NotFound();
        }

        Slip = slip;
        return Page();
    }
}
