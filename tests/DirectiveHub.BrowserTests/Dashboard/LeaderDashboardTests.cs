using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Dashboard;

public sealed class LeaderDashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_leader_drills_from_an_overdue_count_to_the_task_and_downloads_the_Excel_file()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Leader);

        await page.GotoAsync("/Dashboard");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kỳ").SelectOptionAsync("custom");
        await page.GetByLabel("Từ ngày").FillAsync("2021-10-01");
        await page.GetByLabel("Đến ngày").FillAsync("2021-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Diễn biến theo tháng ban hành" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Object.keys(Chart.instances).length === 1"));
        await Assertions.Expect(page.GetByTestId("heat-map")).ToContainTextAsync("114-CV/HU");
        await Assertions.Expect(page.GetByTestId("oldest-overdue")).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        var saiSon = page.GetByTestId("unit-tree").GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" });
        await Assertions.Expect(saiSon).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await saiSon.Locator("a[href*='status=overdue']").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Danh sách nhiệm vụ");
        var item = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).First;
        await Assertions.Expect(item).ToContainTextAsync("Quá hạn");
        await page.AssertAccessibleAsync();

        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 1000);
        File.Delete(path);
    }

    [Fact]
    public async Task The_administration_pages_are_accessible()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAccounts.Admin);
        foreach (var url in new[] { "/Admin/Organizations", "/Admin/Users", "/Admin/Registers", "/Admin/Audit", "/Admin/Sweeps", "/Notifications", "/Inbox", "/Dashboard", "/Dashboard/Directives?preset=custom&from=2021-01-01&to=2021-12-31", "/Dashboard?preset=custom&from=2021-01-01&to=2021-12-31&trendBy=week", "/Account/Calendar", "/Account/TwoFactor", "/Diagnostics/Baseline" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }

        await page.GotoAsync("/Admin/Organizations");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "HUYỆN ỦY QUỐC OAI" }).First).ToContainTextAsync("HN-QO");
    }
}
