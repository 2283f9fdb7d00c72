using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Registers;

public sealed class RegisterPrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_clerk_prints_Quoc_Oais_2021_outgoing_register_in_landscape_with_the_header_on_every_page()
    {
        app.Require();
        await AddNoticesOf2021Async(60);
        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/Inbox");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Sổ và báo cáo" }).ClickAsync();
        await clerk.GetByLabel("Năm").FillAsync("2021");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("table.register td.number").First).ToHaveTextAsync("114-CV/HU");
        await clerk.AssertAccessibleAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "In sổ" }).ClickAsync();

        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        await Assertions.Expect(clerk.Locator(".register-period")).ToHaveTextAsync("Năm 2021");
        await Assertions.Expect(clerk.Locator(".register-unit-name")).ToHaveTextAsync("HUYỆN ỦY QUỐC OAI");
        await clerk.AssertAccessibleAsync();

        // In print media: the toolbar is gone, the header row is a repeating table header, a row never splits.
        await clerk.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(clerk.Locator(".toolbar")).ToBeHiddenAsync();
        var headers = await clerk.Locator(".register-table thead th").AllTextContentsAsync();
        Assert.Equal(["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú"], headers);
        Assert.Equal("table-header-group", await clerk.Locator(".register-table thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("avoid", await clerk.Locator(".register-table tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));

        // The printed file itself: A4 landscape, several pages, each with the column header and its page number.
        var pdf = await clerk.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s)");
        foreach (var page in document.GetPages())
        {
            Assert.True(page.Width > page.Height, "landscape");
            Assert.InRange(page.Width, 835, 848);
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            // Words are read line by line across the columns: a header cell that wraps ("Ghi / chú") comes apart.
            Assert.Contains("Người ký", text, StringComparison.Ordinal);
            Assert.Contains("Ghi", text, StringComparison.Ordinal);
            Assert.Contains("(8)", text, StringComparison.Ordinal);
            Assert.Contains($"Trang {page.Number} / {document.NumberOfPages}", text, StringComparison.Ordinal);
        }

        Assert.Contains("114-CV/HU", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_prints_Sai_Sons_incoming_register_with_114_CV_HU_under_its_arrival_number()
    {
        app.Require();
        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync("/Registers/incoming?year=2021");
        await Assertions.Expect(officer.Locator("table.register td.number").First).ToHaveTextAsync("114-CV/HU");
        await officer.AssertAccessibleAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "In sổ" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
        var row = officer.Locator(".register-table tbody tr").Filter(new() { HasText = "114-CV/HU" });
        await Assertions.Expect(row.Locator("td.arrival")).ToHaveTextAsync("1");
        await officer.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("incoming", "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", new[] { "Ngày, giờ đến", "Số đến", "Tác giả (cơ quan ban hành)", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ghi chú" }, "Tác")]
    [InlineData("follow-up", "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", new[] { "Số đến", "Tên loại, số, ký hiệu, ngày tháng và trích yếu văn bản", "Nhiệm vụ", "Đơn vị hoặc người giải quyết", "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ngày văn bản kết quả", "Ghi chú" }, "Nhiệm")]
    public async Task The_officer_prints_Sai_Sons_register_in_landscape_with_the_header_on_every_page(string kind, string title, string[] headers, string headerWord)
    {
        app.Require();
        await AddNoticesOf2021Async(60);
        var officer = await app.NewPageAsync();
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync($"/Registers/{kind}?year=2021");
        await officer.GetByRole(AriaRole.Link, new() { Name = "In sổ" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(officer.Locator(".register-period")).ToHaveTextAsync("Năm 2021");
        await Assertions.Expect(officer.Locator(".register-unit-name")).ToHaveTextAsync("ĐẢNG ỦY XÃ SÀI SƠN");
        // 114-CV/HU was the first to reach Sài Sơn in 2021: arrival number 1, on the incoming and the follow-up register.
        var row = officer.Locator(".register-table tbody tr").Filter(new() { HasText = "114-CV/HU" }).First;
        await Assertions.Expect(row.Locator("td.arrival")).ToHaveTextAsync("1");
        await officer.AssertAccessibleAsync();

        await officer.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(officer.Locator(".toolbar")).ToBeHiddenAsync();
        Assert.Equal(headers, await officer.Locator(".register-table thead th").AllTextContentsAsync());
        Assert.Equal("table-header-group", await officer.Locator(".register-table thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("avoid", await officer.Locator(".register-table tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));

        var pdf = await officer.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s)");
        foreach (var page in document.GetPages())
        {
            Assert.True(page.Width > page.Height, "landscape");
            Assert.InRange(page.Width, 835, 848);
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains(headerWord, text, StringComparison.Ordinal);
            Assert.Contains("Ghi", text, StringComparison.Ordinal);
            Assert.Contains("(8)", text, StringComparison.Ordinal);
            Assert.Contains($"Trang {page.Number} / {document.NumberOfPages}", text, StringComparison.Ordinal);
        }

        Assert.Contains("114-CV/HU", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    /// <summary>
    /// Enough numbered notices of Huyện ủy Quốc Oai in 2021, each with a task for Sài Sơn, for the printed registers to
    /// run over several pages: the outgoing register of the district, the incoming and follow-up registers of the
    /// commune (each notice takes Sài Sơn's next arrival number, as a publication does). Added once per database.
    /// </summary>
    private async Task AddNoticesOf2021Async(int count)
    {
        await Gate.WaitAsync();
        try
        {
            await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, app.ConnectionString);
            var issuer = await db.Organizations.SingleAsync(o => o.Code == "HN-QO");
            if (await db.NumberRegisters.AnyAsync(r => r.IssuerId == issuer.Id && r.DocumentType == "TB" && r.PeriodStart == new DateOnly(2021, 1, 1)))
            {
                return;
            }

            var parent = await db.Organizations.SingleAsync(o => o.Id == issuer.ParentId);
            var saiSon = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-SS");
            var clerk = await db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync();
            var register = NumberRegister.ForYear(issuer.Id, "TB", false, 2021);
            db.NumberRegisters.Add(register);
            await ArrivalNumbering.EnsureAsync(db, [saiSon.Id], 2021, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < count; i++)
            {
                // Arrival times rise with the loop, so the arrival numbers follow the order of arrival as they do live.
                var issuedOn = new DateOnly(2021, 11, 1).AddDays(i / 3);
                var at = issuedOn.ToDateTime(new TimeOnly(3, i), DateTimeKind.Utc);
                var directive = new Directive(issuer.Id, new DirectiveContent
                {
                    Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
                    DocumentType = "TB",
                    Subject = $"kết luận của Ban Thường vụ tại phiên họp thứ {i + 1}",
                    Recipients = [new(saiSon.Id, "Đảng ủy xã Sài Sơn")],
                    Tasks = [new TaskContent($"Quán triệt kết luận phiên họp thứ {i + 1} đến chi bộ", issuedOn.AddDays(30), saiSon.Id, [], [])],
                }, clerk, at);
                directive.Publish(register, issuer, parent, issuedOn, clerk, at);
                await ArrivalNumbering.AssignAsync(db, directive.Assignments, at, CancellationToken.None);
                db.Directives.Add(directive);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
}
