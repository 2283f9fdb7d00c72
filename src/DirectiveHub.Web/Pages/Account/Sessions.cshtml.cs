using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>The signed-in user's sessions: how many are open, and ending them all (a lost phone, a shared computer).</summary>
public sealed class SessionsModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountSessions sessions,
    AuditTrail audit,
    AppDbContext db) : PageModel
{
    public int Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Open = await sessions.CountAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await sessions.EndAllAsync(user, cancellationToken);
        audit.Record(AuditActions.SessionsEnded, nameof(AppUser), user.Id.ToString(), new { By = "self" });
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
