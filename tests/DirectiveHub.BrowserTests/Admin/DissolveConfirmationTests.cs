using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Admin;

/// <summary>#14 item 8: dissolving or merging units is confirmed on a summary of what will happen.</summary>
public sealed class DissolveConfirmationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Merging_a_commune_first_shows_its_users_and_the_open_work_that_moves_and_acts_only_when_confirmed()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Organizations");
        // Alone, Sài Sơn cannot go: its party cell is still active. The summary says so and offers no confirmation.
        await ChooseAsync(page, "HN-QO-SS – ĐẢNG ỦY XÃ SÀI SƠN");
        var confirm = page.GetByTestId("dissolve-confirm");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Alert)).ToContainTextAsync("còn đơn vị trực thuộc đang hoạt động");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Hủy" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dissolve-confirm")).ToHaveCountAsync(0);

        // With its cell, the merger is summarised first: the units, their users, the open work and where it goes.
        await ChooseAsync(page, "HN-QO-SS – ĐẢNG ỦY XÃ SÀI SƠN", "HN-QO-SS-CB1 – CHI BỘ THÔN 1");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Xác nhận hợp nhất vào ĐẢNG ỦY XÃ PHƯỢNG CÁCH");
        await Assertions.Expect(confirm).ToContainTextAsync("HN-QO-SS – ĐẢNG ỦY XÃ SÀI SƠN");
        await Assertions.Expect(confirm).ToContainTextAsync("HN-QO-SS-CB1 – CHI BỘ THÔN 1");
        await Assertions.Expect(confirm).ToContainTextAsync(DemoAccounts.Officer);
        await Assertions.Expect(confirm).ToContainTextAsync("nhiệm vụ chưa hoàn thành sẽ chuyển sang ĐẢNG ỦY XÃ PHƯỢNG CÁCH");
        await Assertions.Expect(confirm).ToContainTextAsync("114-CV/HU");
        await page.AssertAccessibleAsync();
        await Assertions.Expect(page.Locator("#dissolve-units option", new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" })).ToHaveCountAsync(1);

        await confirm.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hợp nhất 2 đơn vị vào ĐẢNG ỦY XÃ PHƯỢNG CÁCH" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã giải thể 2 đơn vị");
        await Assertions.Expect(page.Locator("#dissolve-units option", new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" })).ToHaveCountAsync(0);
    }

    private static async Task ChooseAsync(IPage page, params string[] units)
    {
        await page.Locator("summary", new() { HasText = "Giải thể / hợp nhất" }).ClickAsync();
        await page.Locator("#dissolve-units").SelectOptionAsync(units.Select(u => new SelectOptionValue { Label = u }));
        await page.Locator("#dissolve-successor").SelectOptionAsync(new SelectOptionValue { Label = "HN-QO-PC – ĐẢNG ỦY XÃ PHƯỢNG CÁCH" });
        await page.Locator("form[action*='handler=Dissolve']").GetByRole(AriaRole.Button, new() { Name = "Giải thể / hợp nhất" }).ClickAsync();
    }
}
