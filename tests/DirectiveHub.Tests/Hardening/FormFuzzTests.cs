using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Hardening;

/// <summary>
/// The main pages' forms posted with hostile values in every field (control characters, huge text, extreme numbers
/// and dates), unknown handlers, and GET filters out of range: never a 5xx; a NUL is stripped and the rest kept.
/// </summary>
public sealed class FormFuzzTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Values = ["a\u0000b\u0007c", new string('x', 100_000), "2147483647", "-2147483648", "9999-12-31", "0001-01-01", "", "not-a-guid"];

    private static readonly (string Account, string Page)[] Pages =
    [
        (DemoAccounts.Clerk, "/Directives/Edit"),
        (DemoAccounts.Clerk, "/Directives"),
        (DemoAccounts.Clerk, "/Import"),
        (DemoAccounts.Officer, "/Inbox"),
        (DemoAccounts.Leader, "/Dashboard"),
        (DemoAccounts.Admin, "/Admin/Users"),
        (DemoAccounts.Admin, "/Admin/Registers"),
        (DemoAccounts.Admin, "/Admin/Organizations"),
        (DemoAccounts.Admin, "/Admin/Audit"),
    ];

    [Fact]
    public async Task No_form_field_or_filter_of_the_main_pages_gives_a_5xx()
    {
        app.Require();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (account, page) in Pages)
        {
            var client = app.Factory.CreateBrowserLikeClient();
            await client.SignInOrFailAsync(account);
            var document = await client.GetDocumentAsync(page);
            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("main form").Take(6))
            {
                var names = form.Elements.OfType<IHtmlElement>().Select(e => e.GetAttribute("name")).Where(n => !string.IsNullOrEmpty(n) && n != "__RequestVerificationToken").Distinct().Take(15).ToList();
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!;
                var post = string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase);
                foreach (var value in Values)
                {
                    var fields = names.ToDictionary(n => n!, _ => value, StringComparer.Ordinal);
                    // A post may change the page (a user deactivated shows "reactivate" instead): a form that is gone is done.
                    if (post && (await client.GetDocumentAsync(page)).QuerySelector(FormSelector(form)) is null)
                    {
                        break;
                    }

                    requests++;
                    var response = post
                        ? await client.SubmitFormAsync(page, fields, FormSelector(form), action)
                        : await client.GetAsync(new Uri(action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value.Length > 2000 ? f.Value[..2000] : f.Value)}")), UriKind.Relative), Cancel);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {(post ? "POST" : "GET")} {action} = {Short(value)}");
                    }
                }
            }

            // An unknown handler is 404, not a crash; a page GET with extreme filters still renders.
            requests += 2;
            var unknown = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "form[method=post]", page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Nope");
            if (unknown.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{(int)unknown.StatusCode} for an unknown handler on {page}");
            }

            var extreme = await client.GetAsync(new Uri($"{page}?PageNumber=2147483647&Year=2147483647&From=0001-01-01&To=9999-12-31&AsOf=9999-12-31&q=%00", UriKind.Relative), Cancel);
            if ((int)extreme.StatusCode >= 500)
            {
                failures.Add($"{(int)extreme.StatusCode} for extreme filters on {page}");
            }
        }

        Assert.True(requests > 50, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task A_NUL_in_a_form_field_is_stripped_and_the_rest_of_the_input_kept()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "no\u0000body", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("nobody", ((IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
        Assert.Contains("Thư điện tử không hợp lệ.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string FormSelector(IHtmlFormElement form) =>
        form.GetAttribute("action") is { Length: > 0 } action ? $"main form[action='{action}']" : "main form[method=post]";

    private static string Short(string value) => value.Length > 20 ? $"{value[..10]}… ({value.Length} chars)" : value.Replace("\u0000", "\\0", StringComparison.Ordinal);
}
