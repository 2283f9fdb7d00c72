using DirectiveHub.Data;
using DirectiveHub.Web.Pages.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>The unread count behind the bell in the page header: one indexed COUNT per page.</summary>
public sealed class NotificationBell(AppDbContext db, CurrentUser user)
{
    public Task<int> UnreadAsync() =>
        user.OrganizationId == Guid.Empty
            ? Task.FromResult(0)
            : NotificationQueries.UnreadFor(db, user.OrganizationId, user.Id).CountAsync();
}
