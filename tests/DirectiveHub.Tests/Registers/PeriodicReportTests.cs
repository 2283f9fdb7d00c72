using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Reports;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace DirectiveHub.Tests.Registers;

public sealed class PeriodicReportTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Theory]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "quý IV năm 2026")]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "tháng 11 năm 2026")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026")]
    [InlineData("2021", "2021-01-01", "2021-12-31", "năm 2021")]
    public void A_period_code_names_its_dates_and_title(string code, string from, string to, string title)
    {
        var period = ReportPeriod.Parse(code)!;
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), title), (period.From, period.To, period.Title));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("26-Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_period_code_is_refused(string? code) => Assert.Null(ReportPeriod.Parse(code));

    [Fact]
    public async Task A_frozen_quarterly_report_keeps_its_figures_after_new_results_and_a_superseding_directive()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var quocOai = await app.OrganizationAsync("HN-QO");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var clerkApi = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var created = await clerkApi.PostAsJsonAsync("/api/reports/periodic", new { organizationId = quocOai, period = "2021-Q4" }, cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var frozen = await created.Content.ReadFromJsonAsync<JsonElement>(cancel);
        var id = frozen.GetProperty("id").GetGuid();
        var figures = frozen.GetProperty("figures");
        var total = figures.GetProperty("total");

        // 114-CV/HU (30/10/2021): task 1 to Sài Sơn (lead) and three communes, task 2 to MTTQ (lead), Huyện đoàn and Sài Sơn.
        Assert.Equal(7, total.GetProperty("assigned").GetInt32());
        Assert.Equal(1, total.GetProperty("doneOnTime").GetInt32());
        // Mặt trận's late result still waits for the district's confirmation: open, not done late.
        Assert.Equal(0, total.GetProperty("doneLate").GetInt32());
        // Five units never reported. Mặt trận's result (3/12/2021, after its deadline) waited unconfirmed at the quarter's
        // end: waiting for the issuer, which the one rule never counts overdue (the unit has done its part).
        Assert.Equal(5, total.GetProperty("openOverdue").GetInt32());
        Assert.Equal(1, total.GetProperty("awaitingConfirmation").GetInt32());
        Assert.Contains(frozen.GetProperty("lists").GetProperty("openAtEnd").EnumerateArray(), l => l.GetProperty("state").GetString() == "Chờ xác nhận kết quả");
        Assert.Equal(14.3, total.GetProperty("doneOnTimePercent").GetDouble());
        var saiSonRow = figures.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("organizationId").GetGuid() == saiSon);
        Assert.Equal((2, 2), (saiSonRow.GetProperty("assigned").GetInt32(), saiSonRow.GetProperty("openOverdue").GetInt32()));
        Assert.Equal(total.GetProperty("assigned").GetInt32(), frozen.GetProperty("lists").GetProperty("assignedInPeriod").GetArrayLength());
        var before = figures.GetRawText();
        var listsBefore = frozen.GetProperty("lists").GetRawText();

        // Later: Sài Sơn receives and reports its tasks done; the clerk publishes a correction superseding 114-CV/HU.
        var directive = await app.DirectiveAsync("114-CV/HU");
        var officer = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(cancel));
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync(cancel));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var receiving = scope.ServiceProvider.GetRequiredService<Receiving>();
            var actor = new Actor(officer, DemoAccounts.Officer, saiSon, null);
            await receiving.AcknowledgeAsync(directive, actor, cancel);
            foreach (var task in await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == directive && t.OrganizationId == saiSon).Select(t => t.Id).ToListAsync(cancel)))
            {
                Assert.NotNull(await receiving.ReportAsync(task, ProgressStatus.Done, "Đã hoàn thành.", actor, cancel, result: new ResultDocument("30-BC/ĐU", DirectiveHub.Time.VietnamTime.Today(app.Factory.Clock))));
            }
        }

        Guid correction;
        await using (var db = app.CreateDbContext())
        {
            var earlier = await db.Directives.SingleAsync(d => d.Id == directive, cancel);
            var draft = new Directive(quocOai, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "CV", Subject = "điều chỉnh công tác phòng, chống dịch", Recipients = [new(saiSon, "Đảng ủy xã Sài Sơn")] }, clerk, DateTime.UtcNow);
            draft.Supersede(earlier);
            db.Directives.Add(draft);
            await db.SaveChangesAsync(cancel);
            correction = draft.Id;
        }

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectivePublisher>().PublishAsync(correction, null, new Actor(clerk, DemoAccounts.Clerk, quocOai, null), cancel);
        }

        // A report computed now differs; the frozen one does not.
        var again = await clerkApi.PostAsJsonAsync("/api/reports/periodic", new { organizationId = quocOai, period = "2021-Q4" }, cancel);
        var recomputed = (await again.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("figures");
        Assert.NotEqual(before, recomputed.GetRawText());
        // Superseded since: its work still unfinished at the quarter's end now counts as stopped, not overdue.
        // (Mặt trận's result, still awaiting confirmation, is unfinished work too.)
        Assert.Equal(6, recomputed.GetProperty("total").GetProperty("cancelled").GetInt32());

        var stored = await clerkApi.GetFromJsonAsync<JsonElement>($"/api/reports/periodic/{id}", cancel);
        Assert.Equal(before, stored.GetProperty("figures").GetRawText());
        Assert.Equal(listsBefore, stored.GetProperty("lists").GetRawText());
        Assert.Equal("Nguyễn Thị Lan", stored.GetProperty("frozenBy").GetString());

        // The officer of Sài Sơn cannot read the district's report; a bad period names the field.
        var officerApi = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officerApi.GetAsync(new Uri($"/api/reports/periodic/{id}", UriKind.Relative), cancel)).StatusCode);
        var bad = await clerkApi.PostAsJsonAsync("/api/reports/periodic", new { organizationId = quocOai, period = "2026-Q9" }, cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"period\"", await bad.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);

        // The frozen report's workbook: one sheet per table, read back with the stored figures.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Clerk);
        var file = await browser.GetAsync(new Uri($"/Reports/View/{id}?handler=Xlsx", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        await using var workbook = new MemoryStream(await file.Content.ReadAsByteArrayAsync(cancel));
        Assert.Equal([ReportWorkbook.FiguresSheet, .. ReportWorkbook.ListSheets], MiniExcel.GetSheetNames(workbook));
        var sheet = MiniExcel.Query(workbook, sheetName: ReportWorkbook.FiguresSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("quý IV năm 2021", sheet[0]["A"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Số nhiệm vụ được giao", sheet[2]["B"]?.ToString());
        var totalRow = sheet.Single(r => r["A"]?.ToString() == "Tổng cộng");
        Assert.Equal(7, Convert.ToInt32(totalRow["B"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, Convert.ToInt32(totalRow["I"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Chờ xác nhận kết quả", sheet[2]["K"]?.ToString());
        Assert.Equal(1, Convert.ToInt32(totalRow["K"], System.Globalization.CultureInfo.InvariantCulture));
        var open = MiniExcel.Query(workbook, sheetName: "Tồn cuối kỳ").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, open.Count(r => r["A"]?.ToString() == "114-CV/HU"));

        // Issued as a numbered BC document of Huyện ủy Quốc Oai: the report keeps its figures and gains its number.
        var issued = await clerkApi.PostAsync(new Uri($"/api/reports/periodic/{id}/issue", UriKind.Relative), null, cancel);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var issuedBody = await issued.Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Matches(@"^\d{2,}-BC/HU$", issuedBody.GetProperty("number").GetString());
        Assert.Equal(before, issuedBody.GetProperty("figures").GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, (await clerkApi.PostAsync(new Uri($"/api/reports/periodic/{id}/issue", UriKind.Relative), null, cancel)).StatusCode);
        var page = await browser.GetDocumentAsync($"/Reports/View/{id}");
        Assert.Contains(issuedBody.GetProperty("number").GetString()!, page.QuerySelector(".report-number")!.TextContent, StringComparison.Ordinal);
        var list = await browser.GetDocumentAsync($"/Reports?org={quocOai}&kind=quarter&year=2021&part=4");
        Assert.Contains(issuedBody.GetProperty("number").GetString()!, list.QuerySelector("table.frozen-reports")!.TextContent, StringComparison.Ordinal);
    }
}
