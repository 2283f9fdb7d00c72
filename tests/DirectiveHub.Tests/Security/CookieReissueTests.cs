using System.Net;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Tests.Performance;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DirectiveHub.Tests.Security;

/// <summary>
/// Identity re-checks a cookie's security stamp once the cookie is a minute old and re-issues it. A browser keeps the
/// new cookie; a client that does not must not pay the whole check (user, stamp, session, roles, claims) again on
/// every request.
/// </summary>
public sealed class CookieReissueTests(CountingAppFixture app) : IClassFixture<CountingAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_keeps_the_reissued_cookie_and_a_client_that_does_not_pays_the_stamp_check_once_per_window()
    {
        app.Require();
        var email = "cookie.reissue@demo.local";
        await app.CreateUserAsync(email, "HN-QO", DirectiveHub.Users.Roles.Officer);

        // A browser: the cookie re-issued after the interval is stored, so the next request is not re-issued again.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(email);
        Assert.Null(AuthCookie(await GetOkAsync(browser)));
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull(AuthCookie(await GetOkAsync(browser)));
        Assert.Null(AuthCookie(await GetOkAsync(browser)));

        // A client that sends its first cookie for ever.
        var signIn = await app.Factory.CreateBrowserLikeClient().SignInAsync(email);
        var cookie = AuthCookie(signIn)!.Split(';')[0];
        var frozen = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        frozen.DefaultRequestHeaders.Add("Cookie", cookie);
        await GetOkAsync(frozen);
        app.Counter.Reset();
        Assert.Null(AuthCookie(await GetOkAsync(frozen)));
        var page = app.Counter.Count;

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        app.Counter.Reset();
        Assert.NotNull(AuthCookie(await GetOkAsync(frozen)));
        var checkedAndReissued = app.Counter.Count;
        Assert.True(checkedAndReissued > page, $"the first stale request checks the stamp ({checkedAndReissued} commands, the page alone {page})");

        // Within the guard's 30-second window the same stale cookie is re-issued from the principal just built.
        for (var i = 0; i < 3; i++)
        {
            app.Counter.Reset();
            Assert.NotNull(AuthCookie(await GetOkAsync(frozen)));
            Assert.Equal(page, app.Counter.Count);
        }

        // After the window it is checked again.
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        app.Counter.Reset();
        Assert.NotNull(AuthCookie(await GetOkAsync(frozen)));
        Assert.True(app.Counter.Count > page);
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("DirectiveHub.Auth=", StringComparison.Ordinal)) : null;

    private static async Task<HttpResponseMessage> GetOkAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Inbox", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
