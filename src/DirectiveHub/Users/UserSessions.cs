using System.Globalization;
using DirectiveHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Users;

/// <summary>
/// Server-side sign-in sessions, one per sign-in (browser cookie or API token), so that signing out ends the session
/// for every copy of its cookie or token, and "end all sessions" ends them everywhere. They live in Identity's user
/// tokens table under their own provider name: no table of their own, and deleting a user deletes them.
/// </summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    public const string Provider = "DirectiveHub.Session";

    /// <summary>Sessions older than this are pruned when the user signs in again; refresh tokens live 14 days.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public async Task<string> StartAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stale = (await db.UserTokens
                .Where(t => t.UserId == userId && t.LoginProvider == Provider)
                .ToListAsync(cancellationToken))
            .Where(t => !DateTimeOffset.TryParse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started) || now - started > MaxAge)
            .ToList();
        db.UserTokens.RemoveRange(stale);
        var id = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<Guid>
        {
            UserId = userId,
            LoginProvider = Provider,
            Name = id,
            Value = now.ToString("O", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public Task<bool> IsActiveAsync(Guid userId, string sessionId, CancellationToken cancellationToken = default) =>
        db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId, cancellationToken);

    public Task<int> CountActiveAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.UserTokens.CountAsync(t => t.UserId == userId && t.LoginProvider == Provider, cancellationToken);

    public Task<int> EndAsync(Guid userId, string sessionId, CancellationToken cancellationToken = default) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of the user; the caller also renews the security stamp so refresh tokens die too.</summary>
    public Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ExecuteDeleteAsync(cancellationToken);
}
