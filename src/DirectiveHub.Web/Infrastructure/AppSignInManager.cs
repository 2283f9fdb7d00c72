using System.Security.Claims;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Refuses sign-in to deactivated accounts, for the pages and the token endpoint alike; gives every sign-in a
/// server-side session (ended by signing out) carried in the cookie or token; never locks an account for wrong
/// passwords (LoginThrottle slows them down instead, so nobody can lock the leadership out by name).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    UserSessions sessions,
    SessionGuard guard)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const string SessionItem = "dh:session";

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDeactivated && await base.CanSignInAsync(user);

    public override Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure) =>
        base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A refreshed sign-in (after enabling two-factor, say) keeps its session; a new one starts its own.
        var current = Context.User;
        var session = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            && current.FindFirstValue(SessionGuard.SessionClaim) is { } existing
            && await sessions.IsActiveAsync(user.Id, existing)
                ? existing
                : await sessions.StartAsync(user.Id);
        Context.Items[SessionItem] = session;

        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        guard.Remember(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(SessionGuard.SessionClaim, session)])));
    }

    public override async Task<ClaimsPrincipal> CreateUserPrincipalAsync(AppUser user)
    {
        var principal = await base.CreateUserPrincipalAsync(user);
        if (Context.Items[SessionItem] is string session
            && principal.Identity is ClaimsIdentity identity
            && !principal.HasClaim(c => c.Type == SessionGuard.SessionClaim))
        {
            identity.AddClaim(new Claim(SessionGuard.SessionClaim, session));
        }

        return principal;
    }

    /// <summary>Used by the cookie's periodic check, the token refresh and <see cref="SessionGuard"/>: a stamp alone is not enough, the session must be alive too.</summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is null || user.IsDeactivated)
        {
            return null;
        }

        if (principal!.FindFirstValue(SessionGuard.SessionClaim) is { } session)
        {
            if (!await sessions.IsActiveAsync(user.Id, session))
            {
                return null;
            }

            Context.Items[SessionItem] = session;
        }

        return user;
    }

    public override async Task SignOutAsync()
    {
        var current = Context.User;
        if (Guid.TryParse(current.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && current.FindFirstValue(SessionGuard.SessionClaim) is { } session)
        {
            await sessions.EndAsync(userId, session);
            guard.Forget(userId, session);
        }

        await base.SignOutAsync();
    }
}
