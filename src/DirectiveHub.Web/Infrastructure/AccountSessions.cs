using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>Ends every session of an account: cookies and access tokens within 30 s, refresh tokens at once (new stamp).</summary>
public sealed class AccountSessions(UserManager<AppUser> users, UserSessions sessions, SessionGuard guard)
{
    public Task<int> CountAsync(AppUser user, CancellationToken cancellationToken) => sessions.CountActiveAsync(user.Id, cancellationToken);

    public async Task EndAllAsync(AppUser user, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        guard.ForgetUser(user.Id);
    }
}
