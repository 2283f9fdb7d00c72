using System.Net;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DirectiveHub.Tests.Security;

/// <summary>Text goes out compressed, over HTTPS too, except the responses that carry a lasting secret (BREACH).</summary>
public sealed class ResponseCompressionTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_styles_and_json_are_compressed_over_https_and_account_and_token_responses_are_not()
    {
        app.Require();
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInOrFailAsync(DemoAccounts.Leader);

        // A page, a stylesheet and the API's JSON: Brotli when asked for, gzip otherwise, and Vary says so.
        var page = await GetAsync(client, "/Inbox", "br, gzip");
        Assert.Equal("br", Assert.Single(page.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", page.Headers.Vary);
        Assert.Equal("gzip", Assert.Single((await GetAsync(client, "/Inbox", "gzip")).Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single((await GetAsync(client, "/lib/bootstrap/css/bootstrap.min.css", "br")).Content.Headers.ContentEncoding));
        var api = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        Assert.Equal("br", Assert.Single((await GetAsync(api, "https://localhost/api/me", "br")).Content.Headers.ContentEncoding));

        // Not asked for: not compressed.
        Assert.Empty((await GetAsync(client, "/Inbox", null)).Content.Headers.ContentEncoding);

        // The two-factor page (its shared key and recovery codes) and the token endpoints stay uncompressed over HTTPS.
        var twoFactor = await GetAsync(client, "/Account/TwoFactor", "br, gzip");
        Assert.Empty(twoFactor.Content.Headers.ContentEncoding);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = System.Net.Http.Json.JsonContent.Create(new { email = DemoAccounts.Leader, password = DemoAccounts.Password }) };
        login.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var tokens = await client.SendAsync(login, Cancel);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Empty(tokens.Content.Headers.ContentEncoding);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
