using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Admin;

public sealed class WorkingCalendarPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_administrator_reads_a_year_and_adds_a_make_up_Saturday_on_a_phone()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAccounts.Admin);

        await page.GotoAsync("/Admin/Calendar?year=2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lịch làm việc" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "26/04/2025" })).ToContainTextAsync("Làm bù cho ngày 02/5/2025");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2025-12-27");
        await page.GetByLabel("Loại ngày").SelectOptionAsync("WorkingDay");
        await page.GetByLabel("Tên ngày").FillAsync("Làm bù thử nghiệm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu ngày 27/12/2025.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "27/12/2025" })).ToContainTextAsync("Ngày làm bù");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_leader_opens_the_exception_view_and_filters_it_by_directive()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Leader);

        await page.GotoAsync("/Dashboard/Exceptions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc trễ hạn cần xử lý" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=exceptions] tbody tr").First).ToContainTextAsync("Đỏ đặc biệt");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Văn bản", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "114-CV/HU" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=exceptions] tbody tr").First).ToContainTextAsync("114-CV/HU");
        await page.AssertAccessibleAsync();
    }
}
