using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Tests.Security;

namespace DirectiveHub.Tests.Home;

/// <summary>The home page's to-do list for each role, on the demo data (the browser test follows the links).</summary>
public sealed class TodoPageTests(LoggingAppFixture app) : IClassFixture<LoggingAppFixture>
{
    [Theory]
    [InlineData("officer.phuongcach@demo.local", "todo-returned")]
    [InlineData(DemoAccounts.Clerk, "todo-awaiting")]
    [InlineData(DemoAccounts.Leader, "todo-special-red")]
    public async Task Each_role_sees_what_waits_for_it(string account, string section)
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(account);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join('\n', app.Log.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal))));
        var page = await PageClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"[aria-labelledby={section}]"));
    }

    [Fact]
    public async Task The_leaders_figure_is_the_number_of_special_red_items_the_exception_view_gives_their_level_to_decide()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Leader);
        var page = await PageClient.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative), cancel));
        var shown = int.Parse(page.QuerySelector("[aria-labelledby=todo-special-red] .fs-4")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        var api = await app.Factory.ApiClientAsync(DemoAccounts.Leader);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me", cancel);
        var organization = me.GetProperty("organizationId").GetGuid();
        var items = (await api.GetFromJsonAsync<JsonElement>($"/api/exceptions?organizationId={organization}", cancel)).EnumerateArray().ToList();

        Assert.True(shown > 0);
        Assert.Equal(items.Count(i => i.GetProperty("level").GetString() == "SpecialRed" && i.GetProperty("decidingOrganizationId").GetGuid() == organization), shown);
    }
}
