using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Account;

public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_password_is_masked_and_not_drawn_again_after_a_failed_sign_in()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/Account/Login");
        var password = page.GetByLabel("Mật khẩu");
        await Assertions.Expect(password).ToHaveAttributeAsync("type", "password");

        await page.GetByLabel("Thư điện tử").FillAsync(DemoAccounts.Officer);
        await password.FillAsync("sai-mat-khau-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Thư điện tử")).ToHaveValueAsync(DemoAccounts.Officer);
        await Assertions.Expect(password).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(password).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("sai-mat-khau-123", await page.ContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Every_password_field_of_the_app_is_masked()
    {
        app.Require();
        var page = await app.NewPageAsync();
        foreach (var url in new[] { "/Account/Login", "/FirstRun", "/Account/SetPassword?token=x" })
        {
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok)
            {
                continue;
            }

            foreach (var field in await page.Locator("input[autocomplete$='password']").AllAsync())
            {
                await Assertions.Expect(field).ToHaveAttributeAsync("type", "password");
            }
        }
    }
}
