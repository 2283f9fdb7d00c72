using System.Security.Claims;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>Puts the user's organization in the cookie and bearer token, so requests need no lookup to scope queries.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.OrganizationClaim, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim("dh:name", string.IsNullOrEmpty(user.FullName) ? user.Email ?? string.Empty : user.FullName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorGate.EnabledClaim, "true"));
        }

        return identity;
    }
}
