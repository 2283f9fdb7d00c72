using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Directives;

public sealed class DraftAndPublishTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_clerk_drafts_the_Quoc_Oai_sample_publishes_it_and_sees_its_number_on_the_print_view()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Clerk);

        await page.GotoAsync("/Directives");
        await page.GetByRole(AriaRole.Link, new() { Name = "Soạn văn bản mới" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Trích yếu").FillAsync("tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới");
        await Assertions.Expect(page.GetByLabel("Địa danh")).ToHaveValueAsync("Quốc Oai");
        await page.PickUnitsAsync("Input_RecipientOrganizationIds", "MTTQ", "Sài Sơn");
        await page.GetByLabel("Phần mở đầu").FillAsync("Trước tình hình dịch Covid-19 trên địa bàn huyện diễn biến phức tạp, khó lường, Ban Thường vụ Huyện ủy yêu cầu thực hiện một số nội dung sau:");
        await page.Locator("#Input_Tasks_0__Text").FillAsync("Tăng cường, đẩy mạnh công tác tuyên truyền, vận động cán bộ, đảng viên, nhân dân chấp hành nghiêm các quy định phòng chống dịch.");
        await page.PickUnitsAsync("Input_Tasks_0__LeadOrganizationId", "Sài Sơn");
        await page.Locator("#Input_Tasks_0__Deadline").FillAsync("2026-12-04");
        // Leaving the field writes the date out day first (date-input.js).
        await page.Locator("#Input_Tasks_0__Deadline").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Deadline")).ToHaveValueAsync("04/12/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await page.Locator("#Input_Tasks_1__Text").FillAsync("Ủy ban MTTQ và các tổ chức chính trị - xã hội của huyện vận động các nguồn lực hỗ trợ công tác phòng, chống dịch.");
        await page.PickUnitsAsync("Input_Tasks_1__LeadOrganizationId", "MTTQ");
        await page.GetByLabel("Thể thức").SelectOptionAsync("T/M");
        await page.GetByLabel("Thay mặt").FillAsync("BAN THƯỜNG VỤ");
        await page.GetByLabel("Chức vụ").FillAsync("PHÓ BÍ THƯ THƯỜNG TRỰC");
        await page.GetByLabel("Họ và tên").FillAsync("Đàm Công Lợi");
        await page.Locator("#dist-text-0").FillAsync("VPHU");
        await page.Locator("#dist-purpose-0").FillAsync("Lưu");
        await page.AssertAccessibleAsync();
        // Leaving the last field first, as a person does: typing in it opens its list of suggestions (a datalist), and
        // a click made while that list closes landed on the form beside the button (seen on a loaded machine).
        await page.Locator("#dist-purpose-0").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ban hành…", Exact = true }).ClickAsync();

        // Publishing is confirmed on a page that says what will happen: the number and the units it goes to.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xác nhận ban hành văn bản");
        var expected = (await page.GetByTestId("expected-number").TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{2,}-CV/HU$", expected);
        await Assertions.Expect(page.GetByTestId("publish-units")).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Xác nhận ban hành số {expected}" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Đã ban hành văn bản số");
        var number = (await status.TextContentAsync())!.Split("số ")[1].TrimEnd('.', ' ', '\n');
        Assert.Equal(expected, number);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bản in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".number")).ToHaveTextAsync($"Số {number}");
        await Assertions.Expect(page.Locator(".date-line")).ToHaveTextAsync("Quốc Oai, ngày 20 tháng 11 năm 2026");
        // A unit picked from the tree is named as running text, not in its header capitals (#14 item 12).
        await Assertions.Expect(page.Locator(".recipients")).ToContainTextAsync("Đảng ủy xã Sài Sơn");
        await Assertions.Expect(page.Locator(".signature")).ToContainTextAsync("T/M BAN THƯỜNG VỤ");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_replacement_draft_says_in_its_heading_which_directive_it_replaces()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành văn bản thay thế" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Soạn văn bản thay thế Số 114-CV/HU");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Soạn văn bản thay thế Số 114-CV/HU"));
        await page.AssertAccessibleAsync();

        // Still named after a save and on the next visit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Soạn văn bản thay thế Số 114-CV/HU");
    }

    [Fact]
    public async Task A_past_deadline_is_flagged_in_the_editor_and_must_be_confirmed_before_publishing()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAccounts.Clerk);

        await page.GotoAsync("/Directives/Edit");
        await page.GetByLabel("Trích yếu").FillAsync("vào sổ văn bản nhận muộn");
        await page.PickUnitsAsync("Input_RecipientOrganizationIds", "Sài Sơn");
        await page.Locator("#Input_Tasks_0__Text").FillAsync("Báo cáo kết quả triển khai.");
        await page.PickUnitsAsync("Input_Tasks_0__LeadOrganizationId", "Sài Sơn");
        // Flagged as it is typed, before the field is left.
        await page.Locator("#Input_Tasks_0__Deadline").PressSequentiallyAsync("15/11/2021");
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Deadline")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".deadline-past")).ToContainTextAsync("Thời hạn này đã qua");
        await page.Locator("#Input_Tasks_0__Deadline").FillAsync("4/9/2021");
        await page.Locator("#Input_Tasks_0__Deadline").PressAsync("Tab");
        await page.GetByLabel("Thể thức").SelectOptionAsync("T/M");
        // Leaving the field writes the date out day first and flags it as past before anything is saved.
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Deadline")).ToHaveValueAsync("04/09/2021");
        await Assertions.Expect(page.Locator(".deadline-past")).ToContainTextAsync("Thời hạn này đã qua");
        await page.GetByLabel("Thay mặt").FillAsync("BAN THƯỜNG VỤ");
        await page.GetByLabel("Chức vụ").FillAsync("PHÓ BÍ THƯ");
        await page.GetByLabel("Họ và tên").FillAsync("Đàm Công Lợi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("past-deadlines")).ToContainTextAsync("Nhiệm vụ 1: 04/09/2021");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".deadline-past")).ToContainTextAsync("Thời hạn này đã qua");
        await page.AssertAccessibleAsync();
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ban hành…", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#past-deadlines")).ToContainTextAsync("04/09/2021");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Xác nhận ban hành số") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("xác nhận các thời hạn đã qua");
        await page.GetByLabel("Tôi xác nhận các thời hạn trên là đúng").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Xác nhận ban hành số") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ban hành văn bản số");
    }
}
