using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Notifications;

public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock, NoticeLinks links) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await db.Notifications.AsNoTracking()
            .Where(Notification.SeenBy(user.OrganizationId, user.Id))
            .OrderByDescending(n => n.CreatedAt)
            .Take(100)
            .Select(n => new Row(n.Id, n.Kind, n.Title, n.CreatedAt, db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == user.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Opens a notification: marks it read for this user and follows its link.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.AsNoTracking().Where(Notification.SeenBy(user.OrganizationId, user.Id)).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserId == user.Id, cancellationToken))
        {
            db.NotificationReads.Add(new NotificationRead(id, user.Id, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        return LocalRedirect(links.PathOf(notification.Target, notification.DirectiveId));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await NotificationQueries.UnreadFor(db, user.OrganizationId, user.Id).Select(n => n.Id).ToListAsync(cancellationToken);
        db.NotificationReads.AddRange(unread.Select(id => new NotificationRead(id, user.Id, now)));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public sealed record Row(Guid Id, NotificationKind Kind, string Title, DateTime CreatedAt, bool Read);
}
