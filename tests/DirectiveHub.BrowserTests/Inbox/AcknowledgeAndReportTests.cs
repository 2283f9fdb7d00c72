using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

public sealed class AcknowledgeAndReportTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_officer_acknowledges_the_Quoc_Oai_sample_reports_a_task_done_with_its_result_and_the_clerk_sees_it_awaiting_confirmation()
    {
        app.Require();
        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);

        await officer.GotoAsync("/Inbox");
        await officer.AssertAccessibleAsync();
        var row = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" });
        await Assertions.Expect(row).ToContainTextAsync("Chưa xác nhận");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await officer.AssertAccessibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).First).ToBeDisabledAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận nhận văn bản");

        var task = officer.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await task.GetByLabel("Tình hình thực hiện").SelectOptionAsync("Done");
        await task.GetByLabel("Nội dung báo cáo").FillAsync("Đã tổ chức tuyên truyền tại 12 thôn.");
        await task.GetByLabel("Số, ký hiệu văn bản báo cáo kết quả").FillAsync("12-BC/ĐU");
        await task.GetByLabel("Ngày văn bản báo cáo").FillAsync("2026-11-19");
        await task.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo tiến độ.");
        await Assertions.Expect(officer.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" })).ToContainTextAsync("Chờ cấp ủy xác nhận");
        await officer.AssertAccessibleAsync();

        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/Notifications");
        await clerk.AssertAccessibleAsync();
        await clerk.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("ĐẢNG ỦY XÃ SÀI SƠN báo cáo") }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Theo dõi thực hiện văn bản số 114-CV/HU");
        var saiSon = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" });
        await Assertions.Expect(saiSon.First).ToContainTextAsync("Đã nhận lúc");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Đã tổ chức tuyên truyền tại 12 thôn." })).ToContainTextAsync("Chờ cấp ủy xác nhận");
        await clerk.AssertAccessibleAsync();
    }
}
