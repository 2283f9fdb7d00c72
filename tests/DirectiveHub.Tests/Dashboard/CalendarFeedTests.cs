using System.Net;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Dashboard;

public sealed class CalendarFeedTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task A_units_deadlines_are_a_calendar_feed_at_a_secret_address_that_can_be_revoked()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);

        var issued = await PageClient.ParseAsync(await officer.SubmitFormAsync("/Account/Calendar", new Dictionary<string, string>(), "form[action*='handler=Issue']"));
        var address = new Uri(((AngleSharp.Html.Dom.IHtmlInputElement)issued.QuerySelector("#feed")!).Value);
        var anonymous = app.Factory.CreateClient();

        var feed = await anonymous.GetAsync(new Uri(address.PathAndQuery, UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync(cancel);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20211115", ics, StringComparison.Ordinal);
        Assert.Contains("114-CV/HU", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        await officer.SubmitFormAsync("/Account/Calendar", new Dictionary<string, string>(), "form[action*='handler=Revoke']");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(address.PathAndQuery, UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/calendar/guessed-secret.ics", UriKind.Relative), cancel)).StatusCode);
    }
}
