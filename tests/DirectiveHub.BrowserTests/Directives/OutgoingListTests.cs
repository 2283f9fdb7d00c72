using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Directives;

public sealed class OutgoingListTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_clerk_signs_in_and_sees_the_published_sample_directives_with_their_numbers(bool phone)
    {
        app.Require();
        var page = await app.NewPageAsync(phone);

        await page.GotoAsync("/Directives");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.SignInAsync(DemoAccounts.Clerk);

        await page.GotoAsync("/Directives");
        await page.AssertAccessibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("30/10/2021");
        await Assertions.Expect(row).ToContainTextAsync("tăng cường công tác phòng, chống dịch Covid-19");

        await page.GetByLabel("Tìm theo số, ký hiệu hoặc nội dung").FillAsync("114-cv/hu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("114-CV/HU");
        await page.AssertAccessibleAsync();
    }
}
