using System.Net;
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
}
