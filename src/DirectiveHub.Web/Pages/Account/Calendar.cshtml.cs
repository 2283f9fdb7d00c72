using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>The user's calendar feed of their unit's deadlines: issue a secret address (shown once), or revoke it.</summary>
public sealed class CalendarModel(AppDbContext db, CurrentUser user, AuditTrail audit) : PageModel
{
    public bool HasFeed { get; private set; }

    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        HasFeed = await db.Users.AnyAsync(u => u.Id == user.Id && u.CalendarTokenHash != null, cancellationToken);

    public async Task OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var me = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
        var secret = CalendarSecret.New();
        me.CalendarTokenHash = CalendarSecret.Hash(secret);
        audit.Record(AuditActions.SettingChanged, "CalendarFeed", me.Id.ToString(), new { Issued = true });
        await db.SaveChangesAsync(cancellationToken);
        NewAddress = $"{Request.Scheme}://{Request.Host}/calendar/{secret}.ics";
        HasFeed = true;
    }

    public async Task OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var me = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
        me.CalendarTokenHash = null;
        audit.Record(AuditActions.SettingChanged, "CalendarFeed", me.Id.ToString(), new { Revoked = true });
        await db.SaveChangesAsync(cancellationToken);
        HasFeed = false;
    }
}
