using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Security;

public sealed class SessionTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deactivated_users_access_and_refresh_tokens_are_refused_within_a_minute()
    {
        app.Require();
        var email = "token.deactivated@demo.local";
        await app.CreateUserAsync(email, "HN-QO", Roles.Officer);
        var client = app.Factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password }, Cancel);
        var tokens = (await login.Content.ReadFromJsonAsync<PageClient.TokenResponse>(Cancel))!;
        Assert.True(tokens.ExpiresIn <= 15 * 60, $"access tokens are short-lived, not {tokens.ExpiresIn} s");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.IsDeactivated = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        app.Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);
        var refresh = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_dies_with_its_session_when_the_owner_signs_out()
    {
        app.Require();
        var email = "cookie.copied@demo.local";
        await app.CreateUserAsync(email, "HN-QO", Roles.Officer);
        var owner = app.Factory.CreateBrowserLikeClient();
        var signIn = await owner.SignInAsync(email);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DirectiveHub.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var thief = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel)).StatusCode);

        var logout = await owner.SubmitFormAsync("/Inbox", new Dictionary<string, string>(), "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // Same instance: at once. Another instance would trust its 30-second memory at most.
        var refused = await thief.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_ends_all_their_sessions_from_the_sessions_page_and_tokens_and_cookies_stop()
    {
        app.Require();
        var email = "sessions.self@demo.local";
        await app.CreateUserAsync(email, "HN-QO", Roles.Officer);
        var laptop = app.Factory.CreateBrowserLikeClient();
        await laptop.SignInOrFailAsync(email);
        var phone = app.Factory.CreateBrowserLikeClient();
        await phone.SignInOrFailAsync(email);
        var script = await app.Factory.ApiClientAsync(email);

        var page = await laptop.GetDocumentAsync("/Account/Sessions");
        Assert.Contains("3", page.QuerySelector("[data-testid=open-sessions]")!.TextContent, StringComparison.Ordinal);
        var ended = await laptop.SubmitFormAsync("/Account/Sessions", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);
        await laptop.SignInOrFailAsync(email);
    }

    [Fact]
    public async Task An_administrator_ends_the_sessions_of_a_user_of_their_subtree_only()
    {
        app.Require();
        var email = "sessions.admin@demo.local";
        var id = await app.CreateUserAsync(email, "HN-QO", Roles.Officer);
        var victim = await app.Factory.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);

        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/admin/users/{id}/sessions", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/admin/users/{Guid.NewGuid()}/sessions", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);

        // The users page does the same for a browser session.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(email);
        var adminPage = app.Factory.CreateBrowserLikeClient();
        await adminPage.SignInOrFailAsync(DemoAccounts.Admin);
        var done = await adminPage.SubmitFormAsync($"/Admin/Users?q={email}", new Dictionary<string, string>(), $"form[action*='handler=EndSessions'][action*='{id}']");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_user_ends_their_own_sessions_through_the_API()
    {
        app.Require();
        var email = "sessions.api@demo.local";
        await app.CreateUserAsync(email, "HN-QO", Roles.Officer);
        var one = await app.Factory.ApiClientAsync(email);
        var two = await app.Factory.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.NoContent, (await one.DeleteAsync(new Uri("/api/me/sessions", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await one.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await two.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);
    }
}
