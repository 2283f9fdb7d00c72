using System.Net;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Admin;

public sealed class EmptyAppFixture : PostgresAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "false" };
}

public sealed class FirstRunTests(EmptyAppFixture app) : IClassFixture<EmptyAppFixture>
{
    [Fact]
    public async Task An_empty_installation_leads_everyone_to_the_first_run_page_until_an_administrator_exists()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var client = app.Factory.CreateBrowserLikeClient();

        var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/FirstRun", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/api/me", UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative), cancel)).StatusCode);

        var created = await client.SubmitFormAsync("/FirstRun", new Dictionary<string, string>
        {
            ["OrganizationCode"] = "BN",
            ["OrganizationName"] = "TỈNH ỦY BẮC NINH",
            ["Kind"] = "1",
            ["Symbol"] = "TU",
            ["Place"] = "Bắc Ninh",
            ["Email"] = "quantri@bacninh.vn",
            ["FullName"] = "Quản trị Bắc Ninh",
            ["Password"] = "mot mat khau du dai 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/FirstRun", UriKind.Relative), cancel)).StatusCode);
        await client.SignInOrFailAsync("quantri@bacninh.vn", "mot mat khau du dai 2026");
        var organizations = await client.GetDocumentAsync("/Admin/Organizations");
        Assert.Contains("TỈNH ỦY BẮC NINH", organizations.Body!.TextContent, StringComparison.Ordinal);
    }
}
