using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Directives;

public sealed class PrintViewTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_officer_goes_from_the_print_view_back_to_the_directive_and_finds_the_print_button()
    {
        app.Require();
        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync("/Inbox");

        // The menu marks the current page, and the bell is drawn as an icon whatever fonts the phone has.
        await Assertions.Expect(officer.Locator("nav a.nav-link[aria-current=page]")).ToHaveCountAsync(1);
        await Assertions.Expect(officer.Locator("nav a.nav-link[aria-current=page]")).ToHaveAttributeAsync("href", "/Inbox");
        await Assertions.Expect(officer.GetByTestId("bell-icon")).ToHaveCountAsync(1);
        await officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).ClickAsync();
        var inboxPage = new Uri(officer.Url).AbsolutePath;
        await officer.GetByRole(AriaRole.Link, new() { Name = "Bản in" }).First.ClickAsync();

        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "In", Exact = true })).ToBeVisibleAsync();

        // As the sample prints it: "Lưu: VPHU." and the last line of a list ends with a full stop.
        await Assertions.Expect(officer.Locator(".distribution div").Last).ToHaveTextAsync("- Lưu: VPHU.");
        var recipients = officer.Locator(".recipients li");
        if (await recipients.CountAsync() > 1)
        {
            Assert.EndsWith(".", (await recipients.Last.TextContentAsync())!.Trim(), StringComparison.Ordinal);
            Assert.EndsWith(",", (await recipients.First.TextContentAsync())!.Trim(), StringComparison.Ordinal);
        }
        await officer.AssertAccessibleAsync();
        // On the phone the toolbar keeps off the screen's edge: its first link was cut at x = 0.
        var back = await officer.GetByRole(AriaRole.Link, new() { Name = "Về trang văn bản" }).BoundingBoxAsync();
        Assert.True(back!.X >= 8, $"The back link starts at x = {back.X}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Về trang văn bản" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync("114-CV/HU");
        Assert.Equal(inboxPage, new Uri(officer.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_printed_114_CV_HU_keeps_Noi_nhan_and_the_signature_with_the_last_paragraph_and_numbers_pages_from_the_second()
    {
        app.Require();
        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/Directives");
        await clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Bản in" }).First.ClickAsync();
        await Assertions.Expect(clerk.Locator(".closing-block .footer")).ToHaveCountAsync(1);
        await clerk.AssertAccessibleAsync();

        await clerk.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("avoid", await clerk.Locator(".closing-block").EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));
        var lastParagraph = (await clerk.Locator(".closing-block .body-text").TextContentAsync())!.Trim();
        var pdf = await clerk.PdfAsync(new() { PreferCSSPageSize = true });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize();

        var signed = document.GetPages().Single(p => TextOf(p).Contains("Nơi nhận:", StringComparison.Ordinal));
        var opening = string.Join(" ", lastParagraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4)).Normalize();
        Assert.Contains(opening, TextOf(signed), StringComparison.Ordinal);
        Assert.Contains("Đàm Công Lợi", TextOf(signed), StringComparison.Ordinal);

        // No number on the first page; from the second on, the number stands alone at the top centre.
        Assert.DoesNotContain(document.GetPage(1).GetWords(), w => w.Text == "1" && w.BoundingBox.Bottom > document.GetPage(1).Height - 60);
        foreach (var page in document.GetPages().Skip(1))
        {
            var top = page.GetWords().OrderByDescending(w => w.BoundingBox.Top).First();
            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), top.Text);
        }
    }
}
