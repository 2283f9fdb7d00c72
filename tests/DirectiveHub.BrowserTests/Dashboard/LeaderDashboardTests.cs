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
        await page.GetByLabel("Từ ngày").FillAsync("01/10/2021");
        await page.GetByLabel("Đến ngày").FillAsync("30112021");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        // Dates read day first whatever the browser's language; eight digits typed on a number pad are written out.
        await Assertions.Expect(page.GetByLabel("Từ ngày")).ToHaveValueAsync("01/10/2021");
        await Assertions.Expect(page.GetByLabel("Đến ngày")).ToHaveValueAsync("30/11/2021");

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Diễn biến theo tháng ban hành" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Object.keys(Chart.instances).length === 1"));
        // Both months of the period, each axis saying what it counts.
        Assert.Equal(["10/2021", "11/2021"], await page.EvaluateAsync<string[]>("() => Object.values(Chart.instances)[0].data.labels"));
        Assert.Equal("Số nhiệm vụ (cột)", await page.EvaluateAsync<string>("() => Object.values(Chart.instances)[0].options.scales.y.title.text"));
        Assert.Equal("Số văn bản ban hành (đường)", await page.EvaluateAsync<string>("() => Object.values(Chart.instances)[0].options.scales.y2.title.text"));
        await Assertions.Expect(page.GetByTestId("heat-map")).ToContainTextAsync("114-CV/HU");

        // Rates and hours are written the Vietnamese way, with a decimal comma.
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(@"\d\.\d+ ?(%|giờ)", text);
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

        // Every export and every link of the dashboard carries the period on screen, not the default month.
        foreach (var href in await page.Locator("main a[href*='/Dashboard']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.Contains("from=2021-10-01", href, StringComparison.Ordinal);
            Assert.Contains("to=2021-11-30", href, StringComparison.Ordinal);
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" }).ClickAsync());
        Assert.Equal("tong-hop-20211001-20211130.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            // The workbook says which unit and period it holds, above the table's header.
            var rows = MiniExcelLibs.MiniExcel.Query(path, sheetName: "Theo đơn vị").Cast<IDictionary<string, object?>>().ToList();
            var title = rows[0]["A"]?.ToString();
            Assert.Contains("HUYỆN ỦY QUỐC OAI", title, StringComparison.Ordinal);
            Assert.Contains("01/10/2021–30/11/2021", title, StringComparison.Ordinal);
            Assert.Equal("Đơn vị", rows[2]["A"]?.ToString());
            Assert.Contains(rows.Skip(3), r => r["A"]?.ToString() == "ĐẢNG ỦY XÃ SÀI SƠN");
        }
        finally
        {
            File.Delete(path);
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất CSV", Exact = true }).Last.ClickAsync());
        var csvPath = await csv.PathAsync();
        var lines = await File.ReadAllLinesAsync(csvPath, TestContext.Current.CancellationToken);
        Assert.Contains("01/10/2021–30/11/2021", lines[0], StringComparison.Ordinal);
        Assert.Contains("HUYỆN ỦY QUỐC OAI", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_months_dashboard_shows_the_2021_tasks_still_overdue_and_a_units_name_opens_what_it_was_assigned()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Leader);

        // The default period ("Tháng này") issued nothing, but the demo's 2021 tasks are overdue now.
        await page.GotoAsync("/Dashboard");
        await Assertions.Expect(page.GetByTestId("oldest-overdue")).ToContainTextAsync("114-CV/HU");
        var saiSon = page.GetByTestId("unit-tree").GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" });
        var overdue = await saiSon.Locator("a[href*='status=overdue']").InnerTextAsync();
        Assert.NotEqual("0", overdue.Trim());

        await saiSon.GetByRole(AriaRole.Link, new() { Name = "ĐẢNG ỦY XÃ SÀI SƠN", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Văn bản đơn vị ban hành" })).ToBeVisibleAsync();
        var received = page.GetByTestId("received");
        await Assertions.Expect(received.GetByRole(AriaRole.Heading, new() { Name = "Nhiệm vụ đơn vị được giao" })).ToBeVisibleAsync();
        await Assertions.Expect(received.Locator("a[href*='status=overdue']")).ToHaveTextAsync(overdue.Trim());
        await page.AssertAccessibleAsync();

        await received.Locator("a[href*='status=overdue']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).First).ToContainTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
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
        // A dissolved district's clerk and registers are not silently kept: the administrator is asked to move them.
        await Assertions.Expect(page.GetByTestId("left-behind")).ToContainTextAsync("HUYỆN ỦY CON CUÔNG đã giải thể");
        await Assertions.Expect(page.GetByTestId("tree")).Not.ToContainTextAsync("ỦY BAN KIỂM TRA HUYỆN ỦY");

        // The audit log speaks Vietnamese: actions and entity types by name, values readable rather than escaped JSON.
        await page.GotoAsync("/Admin/Audit");
        var table = page.Locator("main table tbody");
        await Assertions.Expect(table).ToContainTextAsync("Đăng nhập");
        var audit = await table.InnerTextAsync();
        Assert.DoesNotContain("SignedIn", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("AppUser", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", audit, StringComparison.Ordinal);
    }
}
