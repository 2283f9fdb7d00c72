using DirectiveHub.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace DirectiveHub.Users;

/// <summary>
/// Identity's user store with its token rows (AspNetUserTokens: the authenticator secret and the recovery codes)
/// encrypted by Data Protection: a copy of the database alone no longer yields anyone's second factor. Values written
/// before this store existed are read as they are and encrypted the next time they are written.
/// </summary>
public sealed class ProtectedUserStore(AppDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole<Guid>, AppDbContext, Guid>(context, describer)
{
    /// <summary>Marks an encrypted value (and its format), so legacy plain values are told apart without guessing.</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = protection.CreateProtector("DirectiveHub.Users.Tokens.v1");

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Prefix + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return value is not null && value.StartsWith(Prefix, StringComparison.Ordinal)
            ? _protector.Unprotect(value[Prefix.Length..])
            : value;
    }
}
