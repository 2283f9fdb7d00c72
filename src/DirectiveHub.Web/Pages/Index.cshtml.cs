using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages;

public sealed class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public string FullName { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FullName = User.FindFirst("dh:name")?.Value ?? string.Empty;
        OrganizationName = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
