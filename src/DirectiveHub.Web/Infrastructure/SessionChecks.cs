using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>The authentication events that put <see cref="SessionGuard"/> in front of cookies and bearer tokens.</summary>
public static class SessionChecks
{
    /// <summary>Before Identity's periodic stamp check: a signed-out or ended session is refused on its next request.</summary>
    public static Func<CookieValidatePrincipalContext, Task> Cookie(Func<CookieValidatePrincipalContext, Task> stampCheck) =>
        async context =>
        {
            var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
            if (context.Principal is null || !await guard.IsValidAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Identity re-checks the stamp once a cookie is older than its interval and re-issues the cookie. A
            // browser stores the new one; a client that does not would pay the whole check on every request, so a
            // principal refreshed for this session in the last 30 s (the guard's own window) is re-issued as is.
            var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var due = context.Properties.IssuedUtc is not { } issued || clock.GetUtcNow() - issued > options.ValidationInterval;
            if (due && guard.RecentlyRefreshed(context.Principal) is { } refreshed)
            {
                context.ReplacePrincipal(refreshed);
                context.ShouldRenew = true;
                return;
            }

            var original = context.Principal;
            await stampCheck(context);
            if (due && context.ShouldRenew && context.Principal is { } renewed && !ReferenceEquals(renewed, original))
            {
                guard.RememberRefreshed(original, renewed);
            }
        };

    /// <summary>The bearer handler has no validation event of its own, so the token is read here and checked first.</summary>
    public static async Task OnBearerTokenAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = header["Bearer ".Length..].Trim();
        context.Token = token;
        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Principal is null)
        {
            // Malformed or foreign: the handler itself answers 401.
            return;
        }

        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
        if (!await guard.IsValidAsync(context.HttpContext, ticket.Principal))
        {
            context.Fail("The session of this token has ended.");
        }
    }
}
