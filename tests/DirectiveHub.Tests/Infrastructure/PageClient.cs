using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>Drives pages as a browser would: GET the form, carry its antiforgery token, POST it.</summary>
public static class PageClient
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html), TestContext.Current.CancellationToken);
    }

    /// <summary>Posts the first form of the page at <paramref name="url"/> with its hidden fields plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null, string? postTo = null)
    {
        var document = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement?)(formSelector is null ? document.QuerySelector("main form[method=post]") : document.QuerySelector(formSelector))
            ?? throw new InvalidOperationException($"No form on {url}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        // postTo stands for a submit button with its own formaction (the editor's "add task").
        var action = postTo ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!);
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoAccounts.Password) =>
        await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task SignInOrFailAsync(this HttpClient client, string email, string password = DemoAccounts.Password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

    /// <summary>A client that calls the API with a bearer token from POST /api/auth/login.</summary>
    public static async Task<HttpClient> ApiClientAsync(this DirectiveHubFactory factory, string email, string password = DemoAccounts.Password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }
}
