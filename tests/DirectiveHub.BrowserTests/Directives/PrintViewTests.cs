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
        await officer.GetByRole(AriaRole.Link, new() { Name = "Về trang văn bản" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync("114-CV/HU");
        Assert.Equal(inboxPage, new Uri(officer.Url).AbsolutePath);
    }
}
