using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Names the signed-in user to the service worker, which keeps each user's offline copies in caches of their own
/// and drops another user's on a shared phone. The key is a hash of the user id: stable, not a secret, and it
/// reveals nothing the user could not already see.
/// </summary>
public static class OfflineUser
{
    public const string Header = "X-DH-User";

    public static string? KeyFor(ClaimsPrincipal user)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("directivehub-offline:" + id));
        return Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>Every response to a signed-in user carries the key, so the worker knows whose pages it is caching.</summary>
    public static IApplicationBuilder UseOfflineUserHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (KeyFor(context.User) is { } key)
            {
                context.Response.Headers[Header] = key;
            }

            return next(context);
        });
}
