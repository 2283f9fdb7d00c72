using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Hardening;

public sealed class OutageFormTests(OutageBrowserApp app) : IClassFixture<OutageBrowserApp>
{
    [Fact]
    public async Task A_draft_saved_while_the_database_is_away_shows_the_outage_page_and_the_typed_text_comes_back()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives/Edit");
        const string subject = "triển khai công tác chuẩn bị đại hội chi bộ nhiệm kỳ 2027 – 2030";
        const string opening = "Thực hiện Chỉ thị của Ban Thường vụ, yêu cầu các chi bộ chuẩn bị chu đáo.";
        await page.GetByLabel("Trích yếu").FillAsync(subject);
        await page.GetByLabel("Phần mở đầu").FillAsync(opening);

        app.Down = true;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("tạm thời gián đoạn");
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
        }
        finally
        {
            app.Down = false;
        }

        // Back on the form, what the clerk typed is there again, and saving it now works.
        await page.Locator("[data-restore-back]").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Trích yếu")).ToHaveValueAsync(subject);
        await Assertions.Expect(page.GetByLabel("Phần mở đầu")).ToHaveValueAsync(opening);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo.");

        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, app.ConnectionString);
        Assert.Equal(1, await db.Directives.CountAsync(d => d.Subject.Contains("đại hội chi bộ nhiệm kỳ 2027"), TestContext.Current.CancellationToken));
    }
}
