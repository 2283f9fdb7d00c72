using System.Collections.Concurrent;
using System.Security.Claims;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Checks on every request that a cookie's or bearer token's session is still alive: the account is active, its
/// security stamp unchanged and its server-side session not ended. A positive answer is remembered for 30 seconds so
/// a page costs no extra query; an ended session on this instance is forgotten at once, on another within 30 s.
/// </summary>
public sealed class SessionGuard(TimeProvider clock)
{
    public const string SessionClaim = "dh:sid";

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmed = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _refreshed = new(StringComparer.Ordinal);

    public async Task<bool> IsValidAsync(HttpContext context, ClaimsPrincipal principal)
    {
        var key = Key(principal);
        if (key is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (_confirmed.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }

        var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (await signIn.ValidateSecurityStampAsync(principal) is null)
        {
            _confirmed.TryRemove(key, out _);
            return false;
        }

        Remember(key, now);
        return true;
    }

    /// <summary>A session just started needs no check on its first requests.</summary>
    public void Remember(ClaimsPrincipal principal)
    {
        if (Key(principal) is { } key)
        {
            Remember(key, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// The principal Identity's stamp check built for this session within the last 30 seconds, if any (a copy). A
    /// client that never stores the re-issued cookie sends the old one again and again; it gets the same fresh
    /// principal in a re-issued cookie without the user, stamp, session, role and claim queries being run again.
    /// </summary>
    public ClaimsPrincipal? RecentlyRefreshed(ClaimsPrincipal principal) =>
        Key(principal) is { } key && _refreshed.TryGetValue(key, out var entry) && entry.Until > clock.GetUtcNow()
            ? entry.Principal.Clone()
            : null;

    public void RememberRefreshed(ClaimsPrincipal original, ClaimsPrincipal refreshed)
    {
        if (Key(original) is not { } key)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (_refreshed.Count > 50_000)
        {
            foreach (var (stale, _) in _refreshed.Where(e => e.Value.Until <= now))
            {
                _refreshed.TryRemove(stale, out _);
            }
        }

        _refreshed[key] = (refreshed.Clone(), now + Fresh);
    }

    public void Forget(Guid userId, string sessionId)
    {
        _confirmed.TryRemove(userId + ":" + sessionId, out _);
        _refreshed.TryRemove(userId + ":" + sessionId, out _);
    }

    public void ForgetUser(Guid userId)
    {
        var prefix = userId + ":";
        foreach (var key in _confirmed.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _confirmed.TryRemove(key, out _);
        }

        foreach (var key in _refreshed.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _refreshed.TryRemove(key, out _);
        }
    }

    private void Remember(string key, DateTimeOffset now)
    {
        if (_confirmed.Count > 50_000)
        {
            foreach (var (stale, _) in _confirmed.Where(e => e.Value <= now))
            {
                _confirmed.TryRemove(stale, out _);
            }
        }

        _confirmed[key] = now + Fresh;
    }

    /// <summary>Tokens issued before sessions existed (or by a refresh without one) are keyed by their stamp.</summary>
    private static string? Key(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var session = principal.FindFirstValue(SessionClaim);
        return session is not null
            ? userId + ":" + session
            : userId + ":stamp:" + principal.FindFirstValue("AspNet.Identity.SecurityStamp");
    }
}
