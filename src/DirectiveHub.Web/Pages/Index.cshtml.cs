using DirectiveHub.Time;
using DirectiveHub.Todo;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages;

/// <summary>Việc cần làm: the home page shows the signed-in user's to-do list (<see cref="TodoQuery"/>).</summary>
public sealed class IndexModel(DirectiveHub.Data.AppDbContext db, CurrentUser user, TodoQuery todo, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public TodoList Todo { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FullName = User.FindFirst("dh:name")?.Value ?? string.Empty;
        var org = user.OrganizationId;
        OrganizationName = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        Today = VietnamTime.Today(clock);
        Todo = await todo.LoadAsync(await user.GetViewerAsync(cancellationToken), User.IsInRole(Roles.Officer), User.IsInRole(Roles.Clerk), User.IsInRole(Roles.Leader), Today, cancellationToken);
    }
}
