using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Admin;

public sealed class UserDeactivationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Deactivating_a_user_is_confirmed_first_said_when_done_and_undone_by_reactivating()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Users?q=officer.mttqquocoai");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "officer.mttqquocoai@demo.local" });

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Vô hiệu hóa") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("Vô hiệu hóa tài khoản officer.mttqquocoai@demo.local?");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận vô hiệu hóa" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã vô hiệu hóa tài khoản officer.mttqquocoai@demo.local");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Kích hoạt lại") }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã kích hoạt lại tài khoản officer.mttqquocoai@demo.local");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Vô hiệu hóa") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer.mttqquocoai@demo.local");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
