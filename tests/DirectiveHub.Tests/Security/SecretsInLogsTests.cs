using System.Collections.Concurrent;
using System.Net;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DirectiveHub.Tests.Security;

/// <summary>Every log event of the app, rendered as a sink would write it.</summary>
public sealed class CapturedLog : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        Lines.Enqueue($"{logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}

public sealed class LoggingAppFixture : PostgresAppFixture
{
    public CapturedLog Log { get; } = new();

    // Information everywhere, the framework's request lines included: the level an operator may well turn on.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Log);
}

public sealed class SecretsInLogsTests(LoggingAppFixture app) : IClassFixture<LoggingAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Neither_a_set_password_token_nor_a_calendar_secret_reaches_the_log()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var invited = await admin.SubmitFormAsync("/Admin/Users", new Dictionary<string, string>
        {
            ["Invite.Email"] = "log.check@demo.local",
            ["Invite.FullName"] = "Người Kiểm Tra",
            ["Invite.OrganizationId"] = (await app.OrganizationAsync("HN-QO-NL")).ToString(),
            ["Invite.Roles"] = "Clerk",
        }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "log.check@demo.local", Cancel));
        var link = new Uri(mail.Body.Split('\n').Single(l => l.Contains("/Account/SetPassword", StringComparison.Ordinal)).Trim());
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        Assert.False(string.IsNullOrEmpty(token));

        // Following the link logs the request too: its token must not appear there either.
        Assert.Equal(HttpStatusCode.OK, (await app.Factory.CreateBrowserLikeClient().GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), Cancel)).StatusCode);

        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var issued = await PageClient.ParseAsync(await officer.SubmitFormAsync("/Account/Calendar", new Dictionary<string, string>(), "form[action*='handler=Issue']"));
        var feed = new Uri(((AngleSharp.Html.Dom.IHtmlInputElement)issued.QuerySelector("#feed")!).Value);
        var secret = feed.Segments[^1].Replace(".ics", string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Factory.CreateClient().GetAsync(new Uri(feed.PathAndQuery, UriKind.Relative), Cancel)).StatusCode);

        // The request log is written when the response completes: wait for the feed's line.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until && !app.Log.Lines.Any(l => l.Contains("/calendar/", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal)))
        {
            await Task.Delay(50, Cancel);
        }

        var lines = app.Log.Lines.ToList();
        Assert.True(lines.Count > 0, "nothing logged");
        Assert.Contains(lines, l => l.Contains("/calendar/***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Password link queued", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        var encoded = link.Query.Split('&', '?').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(encoded, StringComparison.Ordinal));
    }
}
