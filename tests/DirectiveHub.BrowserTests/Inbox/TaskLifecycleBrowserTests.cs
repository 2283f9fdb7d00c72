using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

/// <summary>
/// Closing the loop from the pages: the officer (on a phone) reports with a result, the clerk returns it, the officer
/// reports again with a file, the leader accepts it as "Đạt", and the dashboard counts it done on time; and an
/// extension asked for on the phone and approved on the tracking page.
/// </summary>
public sealed class TaskLifecycleBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_result_is_returned_reported_again_with_a_file_accepted_as_Dat_and_counted_done_on_time()
    {
        app.Require();
        var (directive, number) = await PublishAsync("kiểm tra công tác tuyên truyền", "2026-12-05");

        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync($"/Inbox/Directive/{directive}");
        // The heading says which directive this is: its number and its subject.
        // (The printed document below has its own, visually hidden, heading.)
        var heading = officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).First;
        await Assertions.Expect(heading).ToContainTextAsync(number);
        await Assertions.Expect(heading).ToContainTextAsync("V/v kiểm tra công tác tuyên truyền");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận" }).ClickAsync();
        ILocator Task1() => officer.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await Assertions.Expect(Task1().GetByTestId("waiting-on")).ToHaveTextAsync("Chờ đơn vị báo cáo");
        await officer.AssertAccessibleAsync();

        // "Đã hoàn thành" without a result is refused, the note kept.
        await Task1().GetByLabel("Tình hình thực hiện").SelectOptionAsync("Done");
        await Task1().GetByLabel("Nội dung báo cáo").FillAsync("Đã tổ chức kiểm tra tại 12 thôn.");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(Task1().GetByRole(AriaRole.Alert)).ToContainTextAsync("cần có kết quả");
        await Assertions.Expect(Task1().GetByLabel("Nội dung báo cáo")).ToHaveValueAsync("Đã tổ chức kiểm tra tại 12 thôn.");

        await Task1().GetByLabel("Số, ký hiệu văn bản báo cáo kết quả").FillAsync("12-BC/ĐU");
        await Task1().GetByLabel("Ngày văn bản báo cáo").FillAsync("2026-11-19");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo tiến độ.");
        await Assertions.Expect(Task1().GetByTestId("waiting-on")).ToHaveTextAsync("Chờ cấp ủy xác nhận");
        await officer.AssertAccessibleAsync();

        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Tracking/{directive}");
        var row = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(row).ToContainTextAsync("Chờ cấp ủy xác nhận");
        await Assertions.Expect(row).ToContainTextAsync("12-BC/ĐU");
        await row.Locator("summary").Filter(new() { HasText = "Xác nhận kết quả" }).ClickAsync();
        await clerk.AssertAccessibleAsync();
        await row.GetByLabel("Lý do trả lại").FillAsync("Chưa có số liệu từng thôn.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận.");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" })).ToContainTextAsync("Bị trả lại");

        await officer.ReloadAsync();
        await Assertions.Expect(Task1().GetByTestId("returned")).ToContainTextAsync("Chưa có số liệu từng thôn.");
        await Task1().GetByLabel("Tình hình thực hiện").SelectOptionAsync("Done");
        await Task1().GetByLabel("Nội dung báo cáo").FillAsync("Bổ sung số liệu từng thôn (ảnh biên bản).");
        await Task1().Locator("input[type=file][multiple]").SetInputFilesAsync(new FilePayload { Name = "bien-ban.png", MimeType = "image/png", Buffer = Png });
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(Task1().GetByTestId("task-submitted")).ToBeVisibleAsync();
        await Assertions.Expect(Task1()).ToContainTextAsync("bien-ban.png");

        var leader = await app.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync($"/Tracking/{directive}");
        var leaderRow = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await leaderRow.Locator("summary").Filter(new() { HasText = "Xác nhận kết quả" }).ClickAsync();
        await leaderRow.GetByLabel("Chất lượng").SelectOptionAsync("Dat");
        await leaderRow.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận.");
        leaderRow = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(leaderRow).ToContainTextAsync("Đã hoàn thành");
        await Assertions.Expect(leaderRow).ToContainTextAsync("Chất lượng: Đạt · Trước hạn");
        await leader.AssertAccessibleAsync();

        // The report's evidence is a link, through the download that checks who may see it.
        var download = await leader.RunAndWaitForDownloadAsync(() => leaderRow.GetByRole(AriaRole.Link, new() { Name = "bien-ban.png" }).ClickAsync());
        Assert.Equal("bien-ban.png", download.SuggestedFilename);

        await officer.ReloadAsync();
        await Assertions.Expect(Task1().GetByTestId("task-done")).ToContainTextAsync("Đạt");

        // The dashboard of the day counts it done on time, and its list shows it.
        await leader.GotoAsync("/Dashboard/Items?period=custom&from=2026-11-20&to=2026-11-20&status=done");
        await Assertions.Expect(leader.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        await leader.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_extension_asked_for_on_the_phone_is_approved_on_the_tracking_page_and_moves_the_deadline()
    {
        app.Require();
        var (directive, _) = await PublishAsync("rà soát danh sách đảng viên", "2026-11-25");

        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync($"/Inbox/Directive/{directive}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận" }).ClickAsync();
        ILocator Task1() => officer.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await Task1().GetByText("Xin gia hạn").ClickAsync();
        await Task1().GetByLabel("Hạn đề nghị").FillAsync("2026-11-20");
        await Task1().GetByLabel("Lý do").First.FillAsync("Chờ số liệu của các chi bộ.");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị gia hạn" }).ClickAsync();
        await Assertions.Expect(Task1().GetByRole(AriaRole.Alert)).ToContainTextAsync("Hạn đề nghị phải sau thời hạn hiện tại");
        await Assertions.Expect(Task1().GetByLabel("Lý do").First).ToHaveValueAsync("Chờ số liệu của các chi bộ.");
        await Task1().GetByLabel("Hạn đề nghị").FillAsync("2026-12-10");
        await Task1().GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị gia hạn" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi đề nghị gia hạn.");
        await Assertions.Expect(Task1()).ToContainTextAsync("Đã xin gia hạn đến 10/12/2026");
        await officer.AssertAccessibleAsync();

        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Tracking/{directive}");
        var row = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(row).ToContainTextAsync("Đề nghị gia hạn đến 10/12/2026");
        await clerk.AssertAccessibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Đồng ý gia hạn" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận.");
        row = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(row).ToContainTextAsync("10/12/2026");
        await Assertions.Expect(row).ToContainTextAsync("hạn ban đầu 25/11/2026");
        await Assertions.Expect(row).ToContainTextAsync("Gia hạn 1");

        await officer.ReloadAsync();
        await Assertions.Expect(Task1()).ToContainTextAsync("10/12/2026");
        await Assertions.Expect(Task1()).ToContainTextAsync("hạn ban đầu 25/11/2026");
    }

    [Fact]
    public async Task The_tracking_page_reminds_the_units_that_have_not_acknowledged_leads_back_and_prints()
    {
        app.Require();
        var (directive, number) = await PublishAsync("báo cáo sơ kết quý IV", "2026-12-15");

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Tracking/{directive}");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "In" })).ToBeVisibleAsync();
        await clerk.AssertAccessibleAsync();

        // Sài Sơn has not acknowledged: one click urges it (a reminder, counted like any other urging).
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Nhắc 1 đơn vị chưa xác nhận đã nhận" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi đôn đốc đến 1 đơn vị (1 nhiệm vụ).");
        var row = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(row).ToContainTextAsync("đôn đốc 1");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync("/Notifications");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(number);

        // Printed, the decision forms stay off the paper.
        await clerk.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(clerk.GetByTestId("remind-unacknowledged")).ToBeHiddenAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
        await clerk.EmulateMediaAsync(new() { Media = Media.Screen });

        await clerk.GetByRole(AriaRole.Link, new() { Name = "Về trang văn bản" }).ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Directives/Details/{directive}$"));
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // Its history names the people who acted, not their sign-in addresses.
        var history = clerk.Locator("section[aria-labelledby=history-heading]");
        await Assertions.Expect(history).ToContainTextAsync("Nguyễn Thị Lan");
        await Assertions.Expect(history).Not.ToContainTextAsync("@demo.local");
    }

    /// <summary>A Quốc Oai directive with one task led by Sài Sơn (the demo officer's unit), published through the API.</summary>
    private async Task<(Guid Id, string Number)> PublishAsync(string subject, string deadline)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Clerk, password = DemoAccounts.Password }, cancel);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var saiSon = await app.OrganizationIdAsync("HN-QO-SS");
        var created = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject,
            recipientOrganizationIds = new[] { saiSon },
            tasks = new object[] { new { text = "Báo cáo kết quả", deadline, leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, cancel);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();
        var published = await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, cancel);
        published.EnsureSuccessStatusCode();
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("number").GetString()!);
    }
}
