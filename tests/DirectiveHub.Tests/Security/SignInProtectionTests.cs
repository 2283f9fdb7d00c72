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

    [Fact]
    public async Task Successful_sign_ins_do_not_count_toward_the_limit()
    {
        app.Require();
        for (var i = 0; i < 6; i++)
        {
            await app.Factory.CreateBrowserLikeClient().SignInOrFailAsync(DemoAccounts.Officer);
            var token = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Officer, password = DemoAccounts.Password }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
    }

    [Fact]
    public async Task Failures_bring_growing_delays_not_a_lock_and_the_right_password_works_after_the_wait()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(DemoAccounts.Clerk, "wrong-password")).StatusCode);
        }

        var throttled = await client.SignInAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var first = throttled.Headers.RetryAfter!.Delta!.Value;

        app.Factory.Clock.Advance(first + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(DemoAccounts.Clerk, "wrong-password")).StatusCode);
        var second = (await client.SignInAsync(DemoAccounts.Clerk)).Headers.RetryAfter!.Delta!.Value;
        Assert.True(second > first, $"the delay grows: {first} then {second}");

        app.Factory.Clock.Advance(second + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(DemoAccounts.Clerk)).StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_answers_every_failure_alike()
    {
        app.Require();
        var client = app.Factory.CreateClient();
        var known = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Admin, password = "wrong-password" }, TestContext.Current.CancellationToken);
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@demo.local", password = "wrong-password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        var knownBody = await known.Content.ReadFromJsonAsync<ProblemBody>(TestContext.Current.CancellationToken);
        var unknownBody = await unknown.Content.ReadFromJsonAsync<ProblemBody>(TestContext.Current.CancellationToken);
        Assert.Equal(knownBody, unknownBody);
        Assert.Null(knownBody!.Detail);
    }

    private sealed record ProblemBody(string? Title, int Status, string? Detail);
}
