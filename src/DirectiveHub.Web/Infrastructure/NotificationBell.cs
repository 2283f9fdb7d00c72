using DirectiveHub.Data;
using DirectiveHub.Web.Pages.Notifications;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>The unread count behind the bell in the page header: one indexed COUNT per page.</summary>
public sealed class NotificationBell(AppDbContext db, CurrentUser user, IHttpContextAccessor accessor)
{
    // The error page must render with the database away: it shows no count rather than failing in turn.
    public Task<int> UnreadAsync() =>
        user.OrganizationId == Guid.Empty || accessor.HttpContext?.Features.Get<IExceptionHandlerFeature>() is not null
            ? Task.FromResult(0)
            : NotificationQueries.UnreadFor(db, user.OrganizationId, user.Id).CountAsync();
}
