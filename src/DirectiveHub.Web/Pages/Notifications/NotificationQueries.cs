using DirectiveHub.Data;
using DirectiveHub.Notifications;

namespace DirectiveHub.Web.Pages.Notifications;

public static class NotificationQueries
{
    /// <summary>The unit's notifications that this user has not marked read.</summary>
    public static IQueryable<Notification> UnreadFor(AppDbContext db, Guid organizationId, Guid userId) =>
        db.Notifications.Where(Notification.SeenBy(organizationId, userId))
            .Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId));
}
