using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Users;

/// <summary>
/// Identity's authenticator-app provider, on <see cref="TimeProvider"/>, and refusing a code whose step was already
/// used: a code seen over someone's shoulder cannot be replayed within its 30 seconds.
/// </summary>
public sealed class ClockAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the person's app; the server never generates one.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = Totp.MatchStep(Totp.DecodeKey(key), token, clock.GetUtcNow());
        if (step is null || step <= user.LastAuthenticatorStep)
        {
            return false;
        }

        user.LastAuthenticatorStep = step;
        await manager.UpdateAsync(user);
        return true;
    }
}
