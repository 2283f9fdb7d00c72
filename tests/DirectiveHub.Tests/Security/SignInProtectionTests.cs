using System.Net;
using System.Net.Http.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Security;

public sealed class ThrottledAppFixture : PostgresAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginAttemptsPerAddressPerMinute"] = "1000",
        ["Security:LoginAttemptsPerAccountPer5Minutes"] = "3",
    };
}

public sealed class SignInProtectionTests(ThrottledAppFixture app) : IClassFixture<ThrottledAppFixture>
{
    [Fact]
    public async Task Repeated_token_logins_for_one_account_get_429_with_Retry_After()
    {
        app.Require();
        var client = app.Factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = "leader@demo.local", password = "wrong-password" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
