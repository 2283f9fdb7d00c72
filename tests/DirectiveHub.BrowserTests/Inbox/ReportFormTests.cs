using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

public sealed class ReportFormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_rejected_report_keeps_the_note_and_status_says_which_task_and_a_done_task_is_not_offered_again()
    {
        app.Require();
        var officer = await app.NewPageAsync();
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync("/Inbox");
        await officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận" }).ClickAsync();

        ILocator Task1() => officer.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });

        // Done without a result: the error sits on task 1 and the chosen status stays.
        await Task1().GetByLabel("Tình hình thực hiện").SelectOptionAsync("Done");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(Task1().GetByRole(AriaRole.Alert)).ToContainTextAsync("Nhiệm vụ 1:");
        await Assertions.Expect(Task1().GetByLabel("Tình hình thực hiện")).ToHaveValueAsync("Done");
        await officer.AssertAccessibleAsync();

        // A file that is not what it says: the typed note stays.
        await Task1().GetByLabel("Nội dung báo cáo").FillAsync("Đã tổ chức tuyên truyền tại 12 thôn.");
        await Task1().Locator("input[type=file][multiple]").SetInputFilesAsync(new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = "không phải PDF"u8.ToArray() });
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(Task1().GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(Task1().GetByLabel("Nội dung báo cáo")).ToHaveValueAsync("Đã tổ chức tuyên truyền tại 12 thôn.");
        await Assertions.Expect(Task1().GetByLabel("Tình hình thực hiện")).ToHaveValueAsync("Done");

        await Task1().GetByLabel("Số, ký hiệu văn bản báo cáo kết quả").FillAsync("12-BC/ĐU");
        await Task1().GetByLabel("Ngày văn bản báo cáo").FillAsync("2026-11-19");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo tiến độ.");
        await Assertions.Expect(Task1().GetByTestId("task-submitted")).ToBeVisibleAsync();
        await Assertions.Expect(Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);
        await officer.AssertAccessibleAsync();
    }
}
