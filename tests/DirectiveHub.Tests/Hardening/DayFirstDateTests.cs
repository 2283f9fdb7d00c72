using System.Net;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Hardening;

/// <summary>#14 item 14: date fields read and show dd/mm/yyyy whatever the browser's language.</summary>
public sealed class DayFirstDateTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("04/09/2021", 2021, 9, 4)]
    [InlineData("4/9/2021", 2021, 9, 4)]
    [InlineData(" 01/12/2026 ", 2026, 12, 1)]
    [InlineData("01.12.2026", 2026, 12, 1)]
    [InlineData("04092021", 2021, 9, 4)]
    [InlineData("2021-09-04", 2021, 9, 4)]
    public void A_date_is_read_day_first_or_in_ISO_form(string text, int year, int month, int day)
    {
        Assert.True(VietnameseDateBinder.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/02/2021")]
    [InlineData("13/13/2021")]
    [InlineData("09/04")]
    [InlineData("2021/09/04")]
    [InlineData("Sept 4, 2021")]
    [InlineData("")]
    public void Anything_else_is_not_guessed(string text) =>
        Assert.False(VietnameseDateBinder.TryParse(text, out _));

    [Fact]
    public async Task The_dashboard_filter_takes_and_shows_dates_day_first()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Leader);

        var page = await client.GetDocumentAsync("/Dashboard?preset=custom&from=01/10/2021&to=30/11/2021");

        var from = (IHtmlInputElement)page.QuerySelector("input#from")!;
        Assert.Equal(("text", "01/10/2021"), (from.Type, from.Value));
        Assert.Equal("30/11/2021", ((IHtmlInputElement)page.QuerySelector("input#to")!).Value);
        Assert.NotNull(from.GetAttribute("pattern"));
        Assert.Contains("01/10/2021", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("30/11/2021", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_that_is_no_date_is_shown_again_as_typed_and_nothing_is_saved()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var subject = $"hạn không có trong lịch {Guid.NewGuid():N}";

        var response = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = subject,
            ["Input.Tasks[0].Text"] = "Báo cáo kết quả",
            ["Input.Tasks[0].Deadline"] = "31/02/2027",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains(VietnameseDateBinder.FormatMessage, page.Body!.TextContent, StringComparison.Ordinal);
        var deadline = (IHtmlInputElement)page.QuerySelector("#Input_Tasks_0__Deadline")!;
        Assert.Equal("31/02/2027", deadline.Value);
        Assert.Equal("true", deadline.GetAttribute("aria-invalid"));
        Assert.Equal(subject, ((IHtmlTextAreaElement)page.QuerySelector("#Input_Subject")!).Value);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Subject == subject, Cancel)));

        var saved = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = subject,
            ["Input.Tasks[0].Text"] = "Báo cáo kết quả",
            ["Input.Tasks[0].Deadline"] = "28/02/2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var draft = await app.QueryAsync(db => db.Directives.Include(d => d.Tasks).SingleAsync(d => d.Id == id, Cancel));
        Assert.Equal(new DateOnly(2027, 2, 28), Assert.Single(draft.Tasks).Deadline);
    }
}
