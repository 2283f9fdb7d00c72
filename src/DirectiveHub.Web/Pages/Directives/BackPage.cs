using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>
/// Where a page opened from a directive (its print view, its signature check) leads back to: the issuer's clerk to
/// the directive, a recipient to its inbox page, a leader or another clerk to the tracking page; nobody else has one.
/// </summary>
public static class BackPage
{
    public static async Task<string?> OfAsync(AppDbContext db, CurrentUser user, Guid directiveId, CancellationToken cancellationToken)
    {
        var issuerId = await db.Directives.AsNoTracking().Where(d => d.Id == directiveId).Select(d => d.IssuerId).SingleAsync(cancellationToken);
        if (issuerId == user.OrganizationId && user.IsInRole(DirectiveHub.Users.Roles.Clerk))
        {
            return "/Directives/Details";
        }

        if (await db.Assignments.AnyAsync(a => a.DirectiveId == directiveId && a.OrganizationId == user.OrganizationId, cancellationToken))
        {
            return "/Inbox/Directive";
        }

        return user.IsInRole(DirectiveHub.Users.Roles.Leader) || user.IsInRole(DirectiveHub.Users.Roles.Clerk) ? "/Tracking/Index" : null;
    }
}
