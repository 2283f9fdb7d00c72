using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Operations;

public sealed class SecretsAtRestTests(CertificateAppFixture app) : IClassFixture<CertificateAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_encrypted_and_a_sign_in_cookie_still_works()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/Directives", UriKind.Relative), Cancel)).StatusCode);

        var keys = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Cancel));
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Authenticator_secrets_and_recovery_codes_are_stored_encrypted_and_read_back()
    {
        app.Require();
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(DemoAccounts.Clerk))!;

        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();

        var rows = await app.QueryAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider != DirectiveHub.Users.UserSessions.Provider).ToListAsync(Cancel));
        // Sign-in sessions share the table (UserSessions); only the authenticator key and the recovery codes are counted.
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.StartsWith(ProtectedUserStore.Prefix, row.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Value!.Contains(key!, StringComparison.Ordinal) || codes.Any(c => row.Value!.Contains(c, StringComparison.Ordinal)));

        Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(user));

        // A value written before the store encrypted tokens still reads, and is encrypted when next written.
        await using (var db = app.CreateDbContext())
        {
            var row = await db.UserTokens.SingleAsync(t => t.UserId == user.Id && t.Name == "AuthenticatorKey", Cancel);
            row.Value = "LEGACYPLAINKEY234567";
            await db.SaveChangesAsync(Cancel);
        }

        using var fresh = app.Factory.Services.CreateScope();
        var again = fresh.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal("LEGACYPLAINKEY234567", await again.GetAuthenticatorKeyAsync((await again.FindByEmailAsync(DemoAccounts.Clerk))!));
    }
}
