using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Directives;

/// <summary>The draft editor with its script (#14 item 10): task operations in the page, the unit picker, prefilled blocks, half-written drafts.</summary>
public sealed class EditorScriptTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Tasks_are_added_moved_and_removed_without_a_reload_and_units_are_picked_from_a_searchable_tree()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives/Edit");

        // The unit's last directive gives the signature block and the file copy.
        await Assertions.Expect(page.GetByLabel("Họ và tên")).ToHaveValueAsync("Đàm Công Lợi");
        await Assertions.Expect(page.GetByLabel("Thay mặt")).ToHaveValueAsync("BAN THƯỜNG VỤ");
        await Assertions.Expect(page.Locator("#dist-text-0")).ToHaveValueAsync("VPHU");
        await Assertions.Expect(page.Locator("#dist-purpose-0")).ToHaveValueAsync("Lưu");
        // An example in an empty field says it is one.
        await Assertions.Expect(page.Locator("#dist-text-1")).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex("^Ví dụ"));

        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await page.GetByLabel("Trích yếu").FillAsync("triển khai nhiệm vụ trọng tâm tháng 12");
        await page.Locator("#Input_Tasks_0__Text").FillAsync("Nhiệm vụ A");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Tasks_1__Text")).ToBeFocusedAsync();
        await page.Locator("#Input_Tasks_1__Text").FillAsync("Nhiệm vụ B");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await page.Locator("#Input_Tasks_2__Text").FillAsync("Nhiệm vụ C");
        await page.Locator("#task-2").GetByRole(AriaRole.Button, new() { Name = "Lên" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa nhiệm vụ 1", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-task-list] > [data-task]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Text")).ToHaveValueAsync("Nhiệm vụ C");
        await Assertions.Expect(page.Locator("#Input_Tasks_1__Text")).ToHaveValueAsync("Nhiệm vụ B");
        await Assertions.Expect(page.Locator("#task-0 > legend")).ToHaveTextAsync("Nhiệm vụ 1");
        await Assertions.Expect(page.Locator("#task-0").GetByRole(AriaRole.Button, new() { Name = "Lên" })).ToBeDisabledAsync();

        // The picker searches by name, lists units under their parent and keeps the choice.
        var control = page.Locator("#Input_RecipientOrganizationIds-ts-control");
        await control.ClickAsync();
        await control.FillAsync("sai son");
        var dropdown = page.Locator("#Input_RecipientOrganizationIds-ts-dropdown");
        // Found by its own name without marks, listed under its district; its party cell is found by the parent's name.
        var commune = dropdown.Locator(".option").Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" });
        await Assertions.Expect(commune).ToHaveCountAsync(1);
        await Assertions.Expect(dropdown.Locator(".optgroup-header").Filter(new() { HasText = "HUYỆN ỦY QUỐC OAI" })).ToHaveCountAsync(1);
        await Assertions.Expect(dropdown.Locator(".option").Filter(new() { HasText = "CHI BỘ THÔN 1" })).ToHaveCountAsync(1);
        await commune.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.PickUnitsAsync("Input_Tasks_1__LeadOrganizationId", "Sài Sơn");
        await page.AssertAccessibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded during the task operations");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Text")).ToHaveValueAsync("Nhiệm vụ C");
        await Assertions.Expect(page.Locator("#Input_Tasks_1__Text")).ToHaveValueAsync("Nhiệm vụ B");
        await Assertions.Expect(page.Locator("#Input_Tasks_1__LeadOrganizationId-ts-control").Locator("xpath=..")).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        await Assertions.Expect(page.Locator("#Input_RecipientOrganizationIds-ts-control").Locator("xpath=..")).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_format_check_follows_the_typing_below_the_form_without_a_reload()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives/Edit");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await page.GetByLabel("Loại văn bản").SelectOptionAsync("CV");

        await page.GetByLabel("Trích yếu").FillAsync("V/v tăng cường công tác phòng, chống thiên tai");

        var live = page.Locator("#format-live");
        await Assertions.Expect(live.Locator("[data-rule='subject.duplicate-vv']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#editor-announce")).ToContainTextAsync("Kiểm tra thể thức");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Trích yếu").FillAsync("tăng cường công tác phòng, chống thiên tai");

        await Assertions.Expect(live.Locator("[data-rule='subject.duplicate-vv']")).ToHaveCountAsync(0);
        await Assertions.Expect(live.Locator("[data-format-check]")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded to check the format");
    }

    [Fact]
    public async Task A_unit_chosen_while_its_name_is_still_being_typed_leaves_the_focus_where_the_user_goes_next()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives/Edit");

        // The whole list shows while typing, so a quick user clicks the unit before the list is filtered. The picker
        // filtered 300 ms later and then opened its list again, taking the focus from the next field (CI, 3 runs).
        var control = page.Locator("#Input_Tasks_0__LeadOrganizationId-ts-control");
        await control.ClickAsync();
        await control.FillAsync("Sài Sơn");
        await page.Locator("#Input_Tasks_0__LeadOrganizationId-ts-dropdown .option").Filter(new() { HasText = "Sài Sơn" }).First.ClickAsync();
        var deadline = page.Locator("#Input_Tasks_0__Deadline");
        await deadline.FocusAsync();
        await page.WaitForTimeoutAsync(800);

        await Assertions.Expect(deadline).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Input_Tasks_0__LeadOrganizationId-ts-dropdown")).ToBeHiddenAsync();
        await Assertions.Expect(control.Locator("xpath=..")).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
    }

    [Fact]
    public async Task Without_scripts_adding_a_task_saves_and_redirects_so_a_reload_posts_nothing()
    {
        app.Require();
        // Signed in with scripts (the sign-in helper runs axe), then the same cookies in a browser without them.
        var signedIn = await app.NewPageAsync();
        await signedIn.SignInAsync(DemoAccounts.Clerk);
        var state = await signedIn.Context.StorageStateAsync();
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false, Locale = "vi-VN", StorageState = state });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Directives/Edit");
        await page.GetByLabel("Trích yếu").FillAsync("dự thảo soạn không có script");
        await page.Locator("#Input_Tasks_0__Text").FillAsync("Nhiệm vụ thứ nhất");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Directives/Edit/[0-9a-f-]+\?add=task#task-1$"));
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Text")).ToHaveValueAsync("Nhiệm vụ thứ nhất");
        await Assertions.Expect(page.Locator("#Input_Tasks_1__Text")).ToHaveValueAsync(string.Empty);
        var reload = await page.ReloadAsync();
        Assert.Equal("GET", reload!.Request.Method);
        await Assertions.Expect(page.Locator("#Input_Tasks_0__Text")).ToHaveValueAsync("Nhiệm vụ thứ nhất");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_half_written_draft_is_saved_and_publishing_it_names_each_missing_field()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAccounts.Clerk);
        await page.GotoAsync("/Directives/Edit");
        await page.GetByLabel("Họ và tên").FillAsync(string.Empty);
        await page.Locator("#Input_Preamble").FillAsync("Thực hiện Chỉ thị số 06-CT/TU, Ban Thường vụ Huyện ủy yêu cầu:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ban hành…", Exact = true }).ClickAsync();

        var problems = page.GetByTestId("publish-problems");
        await Assertions.Expect(problems).ToContainTextAsync("Dự thảo chưa đủ để ban hành.");
        await Assertions.Expect(problems).ToContainTextAsync("Chưa có trích yếu.");
        await Assertions.Expect(problems).ToContainTextAsync("Chưa chọn đơn vị nhận trong hệ thống");
        await Assertions.Expect(problems).ToContainTextAsync("Chưa có họ tên người ký.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Xác nhận ban hành") })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await problems.GetByRole(AriaRole.Link, new() { Name = "Sửa dự thảo để bổ sung" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Preamble")).ToHaveValueAsync("Thực hiện Chỉ thị số 06-CT/TU, Ban Thường vụ Huyện ủy yêu cầu:");
    }
}
