using System.Net;
using System.Net.Http.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Security;

public sealed class TwoFactorAppFixture : PostgresAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForAdmins"] = "true" };
}

public sealed class TwoFactorTests(TwoFactorAppFixture app) : IClassFixture<TwoFactorAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six of the eight digits.
        var key = "12345678901234567890"u8.ToArray();
        Assert.Equal(expected, Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
        Assert.Equal(key, Totp.DecodeKey("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    [Fact]
    public async Task An_admin_must_enrol_then_signs_in_with_a_code_that_works_once_or_a_recovery_code()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);

        // Before enrolment every admin page leads to the set-up page, and the API refuses.
        var blocked = await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/Account/TwoFactor?required=true", blocked.Headers.Location!.OriginalString);
        var api = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        var apiBlocked = await api.GetAsync(new Uri("/api/admin/organizations", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, apiBlocked.StatusCode);

        var setup = await admin.GetDocumentAsync("/Account/TwoFactor?required=true");
        Assert.NotNull(setup.QuerySelector("img[src^='data:image/png;base64,']"));
        var key = Totp.DecodeKey(setup.QuerySelector("[data-testid=shared-key]")!.TextContent);

        var wrong = await admin.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = "000000" }, "form[action*='handler=Enable']");
        Assert.NotNull((await PageClient.ParseAsync(wrong)).QuerySelector(".alert-danger"));

        var code = Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow()));
        var enabled = await PageClient.ParseAsync(await admin.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = code }, "form[action*='handler=Enable']"));
        var recoveryCodes = enabled.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.True(recoveryCodes.Count == 10, enabled.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative), Cancel)).StatusCode);

        // Signing in now takes a second step; the code just used is refused (no replay), the next one is accepted.
        var next = app.Factory.CreateBrowserLikeClient();
        var first = await next.SignInAsync(DemoAccounts.Admin);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var replay = await next.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(replay)).QuerySelector(".alert-danger"));
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await next.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow())) });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(new Uri("/Admin/Organizations", UriKind.Relative), Cancel)).StatusCode);

        // A recovery code works once.
        var lostPhone = app.Factory.CreateBrowserLikeClient();
        await lostPhone.SignInAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await lostPhone.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCodes[0] }, "details form")).StatusCode);
        var again = app.Factory.CreateBrowserLikeClient();
        await again.SignInAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await again.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCodes[0] }, "details form")).StatusCode);

        // The API's token endpoint asks for the code too.
        var noCode = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Admin, password = DemoAccounts.Password }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var withCode = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Admin, password = DemoAccounts.Password, twoFactorCode = Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow())) }, Cancel);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        // An admin may not turn it off while it is required; the audit log has the enrolment and the two-step sign-ins.
        var manage = await admin.GetDocumentAsync("/Account/TwoFactor");
        Assert.Null(manage.QuerySelector("form[action*='handler=Disable']"));
        var events = await app.QueryAsync(db => db.AuditEvents.Where(e => e.UserName == DemoAccounts.Admin).Select(e => e.Action + " " + e.Details).ToListAsync(Cancel));
        Assert.Contains(events, e => e.Contains("Enabled", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("RecoveryCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_users_may_turn_it_on_and_off_and_are_not_forced()
    {
        app.Require();
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel)).StatusCode);

        var key = Totp.DecodeKey((await officer.GetDocumentAsync("/Account/TwoFactor")).QuerySelector("[data-testid=shared-key]")!.TextContent);
        await officer.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow())) }, "form[action*='handler=Enable']");
        Assert.True(await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.TwoFactorEnabled).SingleAsync(Cancel)));

        var off = await officer.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string>(), "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.TwoFactorEnabled).SingleAsync(Cancel)));
        await app.Factory.CreateBrowserLikeClient().SignInOrFailAsync(DemoAccounts.Officer);
    }

    [Fact]
    public async Task The_gate_does_not_skip_dynamic_paths_that_look_like_files()
    {
        app.Require();
        await app.CreateUserAsync("admin.gate@demo.local", "HN-QO", Roles.Admin);
        var api = await app.Factory.ApiClientAsync("admin.gate@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel)).StatusCode);
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync("admin.gate@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel)).StatusCode);

        // Real static files still load on the set-up page.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/css/site.css", UriKind.Relative), Cancel)).StatusCode);
    }
}
