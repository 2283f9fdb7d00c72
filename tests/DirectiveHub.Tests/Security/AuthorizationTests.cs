using System.Net;
using System.Net.Http.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Security;

public sealed class AuthorizationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Directives")]
    [InlineData("/Directives/Details/0194f1c2-0000-7000-8000-000000000000")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/organizations")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_API_calls_get_401_not_a_redirect(string url)
    {
        app.Require();
        var response = await app.Factory.CreateBrowserLikeClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_and_health_are_reachable_anonymously()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_officer_cannot_open_the_clerk_pages()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Officer);

        var response = await client.GetAsync(new Uri("/Directives", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_sees_the_directives_of_their_own_organization_only()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var page = await client.GetDocumentAsync("/Directives");
        var numbers = page.QuerySelectorAll("td.number").Select(td => td.TextContent.Trim()).ToList();

        Assert.Contains("114-CV/HU", numbers);
        Assert.DoesNotContain("213-CV/HU", numbers);
        Assert.DoesNotContain("22-CV/BDVHU", numbers);
    }

    [Fact]
    public async Task A_directive_of_another_branch_answers_404_to_a_clerk()
    {
        app.Require();
        await using var db = app.CreateDbContext();
        var conCuong = db.Directives.Single(d => d.Number == "213-CV/HU").Id;
        var quocOai = db.Directives.Single(d => d.Number == "114-CV/HU").Id;
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var own = await client.GetAsync(new Uri($"/Directives/Details/{quocOai}", UriKind.Relative), TestContext.Current.CancellationToken);
        var other = await client.GetAsync(new Uri($"/Directives/Details/{conCuong}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_from_the_login_endpoint_reads_the_callers_profile()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", TestContext.Current.CancellationToken);

        Assert.NotNull(me);
        Assert.Equal(DemoAccounts.Clerk, me.Email);
        Assert.Equal("HUYỆN ỦY QUỐC OAI", me.OrganizationName);
        Assert.Equal(["Clerk"], me.Roles);
    }

    [Fact]
    public async Task The_organizations_API_lists_only_the_callers_subtree()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var organizations = await client.GetFromJsonAsync<List<OrganizationRow>>("/api/organizations", TestContext.Current.CancellationToken);

        Assert.NotNull(organizations);
        Assert.Contains(organizations, o => o.Name == "ĐẢNG ỦY XÃ SÀI SƠN" && o.Kind == "CommuneCommittee");
        Assert.DoesNotContain(organizations, o => o.Name == "HUYỆN ỦY CON CUÔNG");
        Assert.DoesNotContain(organizations, o => o.Name == "THÀNH ỦY HÀ NỘI");
    }

    [Fact]
    public async Task Self_registration_through_the_identity_API_is_closed()
    {
        app.Require();
        var response = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "x@example.org", password = "a-long-password-1" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        app.Require();
        var response = await app.Factory.CreateClient().GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(DemoAccounts.Leader);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DirectiveHub.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        var response = await client.PostAsync(
            new Uri("/Account/Login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.Clerk, ["Input.Password"] = DemoAccounts.Password }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_login_input_shows_Vietnamese_messages_on_the_page()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "not-an-email", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Thư điện tử không hợp lệ.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập mật khẩu.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not-an-email", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_account_and_every_failure_reads_the_same()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        var messages = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync(DemoAccounts.Admin, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            messages.Add((await PageClient.ParseAsync(wrong)).QuerySelector(".alert-danger")!.TextContent.Trim());
        }

        // An unknown account gets the very same words: nobody learns which addresses exist.
        var unknown = await client.SignInAsync("nobody-here@demo.local", "not-the-password");
        messages.Add((await PageClient.ParseAsync(unknown)).QuerySelector(".alert-danger")!.TextContent.Trim());
        Assert.Single(messages);

        var response = await client.SignInAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_open_session_within_the_validation_interval()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("officer.mttqquocoai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Inbox", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DirectiveHub.Users.AppUser>>();
            var user = await users.FindByEmailAsync("officer.mttqquocoai@demo.local");
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user!);
        }

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var response = await client.GetAsync(new Uri("/Inbox", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private sealed record MeResponse(string Email, Guid OrganizationId, string OrganizationName, List<string> Roles);

    private sealed record OrganizationRow(Guid Id, string Code, string Name, string Kind, Guid? ParentId);
}
