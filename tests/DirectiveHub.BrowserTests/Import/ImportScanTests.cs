using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Import;

/// <summary>A clerk on a phone photographs a received directive, uploads it and reads the format check.</summary>
public sealed class ImportScanTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_photographed_directive_is_read_checked_for_format_and_its_text_kept_for_the_next_step()
    {
        app.Require();
        Assert.True(File.Exists("/usr/bin/tesseract") || !TestEnvironment.IsCi, "tesseract is needed to read the photo");
        if (!File.Exists("/usr/bin/tesseract"))
        {
            Assert.Skip("tesseract is not installed");
        }

        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/Account/Login");
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Import");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Hoặc tải lên tệp").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Import", "quoc-oai-photo.jpg"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thể thức" }).ClickAsync(new() { Timeout = 120_000 });

        await Assertions.Expect(page.Locator("[data-checked]")).ToContainTextAsync("114-CV/HU", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-format-check]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#importText")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("ngày 30 tháng 10 năm 2021"));
        await page.AssertAccessibleAsync();

        // The sample is already registered in the demo: registering the checked text says so and keeps it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký là văn bản đến" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã có trong hệ thống");
        await Assertions.Expect(page.Locator("#importText")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("114"));
    }
}
