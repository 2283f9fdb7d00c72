using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Import;
using DirectiveHub.Registers;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Features.Registers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Registers;

/// <summary>
/// One scenario for both providers: two directives of Ban Tuyên giáo Huyện ủy Quốc Oai published to communes, one
/// directive of the city registered as received, a receipt and a done report; then each register is compared row by
/// row, cell by cell, with the rows written out by hand.
/// </summary>
internal static class RegisterScenario
{
    public static async Task RunAsync(DirectiveHubFactory factory, Func<AppDbContext> createDb)
    {
        var cancel = TestContext.Current.CancellationToken;
        Guid Org(AppDbContext db, string code) => db.Organizations.Single(o => o.Code == code).Id;
        Guid btg, saiSon, ngocLiep, quocOai, clerk, officer;
        string quocOaiPath, saiSonPath;
        await using (var db = createDb())
        {
            btg = Org(db, "HN-QO-BTG");
            saiSon = Org(db, "HN-QO-SS");
            ngocLiep = Org(db, "HN-QO-NL");
            quocOai = Org(db, "HN-QO");
            quocOaiPath = db.Organizations.Single(o => o.Id == quocOai).Path;
            saiSonPath = db.Organizations.Single(o => o.Id == saiSon).Path;
            clerk = db.Users.Single(u => u.Email == DemoAccounts.Clerk).Id;
            officer = db.Users.Single(u => u.Email == DemoAccounts.Officer).Id;
        }

        var plan = await DraftAsync(createDb, btg, clerk, new DirectiveContent
        {
            DocumentType = "KH",
            Subject = "triển khai chuyển đổi số trong các tổ chức đảng",
            Recipients = [new(saiSon, "Đảng ủy xã Sài Sơn"), new(ngocLiep, "Đảng ủy xã Ngọc Liệp")],
            Tasks = [new("Xây dựng kế hoạch số hóa hồ sơ đảng viên.", new DateOnly(2026, 12, 15), saiSon, [ngocLiep], [])],
            Distribution = [new("Ban Thường vụ Huyện ủy", "để b/c"), new("Như kính gửi", null), new("Ban Tuyên giáo", "Lưu")],
            Signer = new Signer(SigningAuthority.None, null, "TRƯỞNG BAN", "Nguyễn Thị Lan"),
        });
        var notice = await DraftAsync(createDb, btg, clerk, new DirectiveContent
        {
            DocumentType = "TB",
            Subject = "lịch sinh hoạt chính trị tháng 12",
            Urgency = Urgency.Khan,
            Recipients = [new(saiSon, "Đảng ủy xã Sài Sơn")],
            Signer = new Signer(SigningAuthority.None, null, "PHÓ TRƯỞNG BAN", "Lê Văn Tâm"),
        });

        var clerkActor = new Actor(clerk, DemoAccounts.Clerk, btg, null);
        var officerActor = new Actor(officer, DemoAccounts.Officer, saiSon, null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectivePublisher>().PublishAsync(plan, null, clerkActor, cancel);
        }

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectivePublisher>().PublishAsync(notice, null, clerkActor, cancel);
        }

        factory.Clock.Advance(TimeSpan.FromHours(1));
        Guid received;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var text = """
                THÀNH ỦY HÀ NỘI
                *
                Số 31-CV/TU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Nội, ngày 02 tháng 11 năm 2026
                V/v triển khai công tác chuyển đổi số
                Kính gửi: Đảng ủy xã Sài Sơn
                Đề nghị các đơn vị thực hiện.
                T/M BAN THƯỜNG VỤ
                PHÓ BÍ THƯ
                Nguyễn Văn A
                """;
            received = (await scope.ServiceProvider.GetRequiredService<IncomingRegistration>().RegisterAsync(DirectiveTextParser.Parse(text), null, saiSon, officerActor, cancel)).Id;
        }

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var receiving = scope.ServiceProvider.GetRequiredService<Receiving>();
            await receiving.AcknowledgeAsync(plan, officerActor, cancel);
            await using var db = createDb();
            var task = await db.TaskAssignments.Where(t => t.DirectiveId == plan && t.OrganizationId == saiSon).Select(t => t.Id).SingleAsync(cancel);
            Assert.NotNull(await receiving.ReportAsync(task, ProgressStatus.Done, "Đã lập danh mục hồ sơ.", officerActor, cancel, result: new ResultDocument("05-BC/ĐU", new DateOnly(2026, 11, 20))));
        }

        // Done only once the issuer accepts the result.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = createDb();
            var task = await db.TaskAssignments.Where(t => t.DirectiveId == plan && t.OrganizationId == saiSon).Select(t => t.Id).SingleAsync(cancel);
            var btgPath = await db.Organizations.Where(o => o.Id == btg).Select(o => o.Path).SingleAsync(cancel);
            var outcome = await scope.ServiceProvider.GetRequiredService<TaskLifecycle>()
                .ReviewAsync(task, ReviewDecision.Accept, ResultQuality.Dat, null, clerkActor, new Viewer(clerk, btg, btgPath, SeesSubtree: true, IsClerk: true), null, cancel);
            Assert.Equal(LifecycleStatus.Done, outcome.Status);
        }

        var year = RegisterPeriod.OfYear(2026);
        var committee = new Viewer(clerk, quocOai, quocOaiPath, SeesSubtree: true, IsClerk: true);
        var commune = new Viewer(officer, saiSon, saiSonPath, SeesSubtree: false, IsClerk: false);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var tables = scope.ServiceProvider.GetRequiredService<RegisterTables>();

            var outgoing = await tables.BuildAsync(RegisterKind.Outgoing, committee, btg, year, 0, 100, cancel);
            AssertRows(
                [
                    ["01-KH/BTGHU", "20/11/2026", "Kế hoạch triển khai chuyển đổi số trong các tổ chức đảng", "Nguyễn Thị Lan – TRƯỞNG BAN", "Đảng ủy xã Sài Sơn; Đảng ủy xã Ngọc Liệp", "Ban Tuyên giáo", "4", ""],
                    ["01-TB/BTGHU", "20/11/2026", "Thông báo lịch sinh hoạt chính trị tháng 12", "Lê Văn Tâm – PHÓ TRƯỞNG BAN", "Đảng ủy xã Sài Sơn", "", "1", "Khẩn"],
                ],
                outgoing);

            // The commune's own view of its incoming register: what reached it in 2026, in arrival order.
            var incoming = await tables.BuildAsync(RegisterKind.Incoming, commune, saiSon, year, 0, 100, cancel);
            AssertRows(
                [
                    ["20/11/2026 09:00", "1", "BAN TUYÊN GIÁO", "01-KH/BTGHU", "20/11/2026", "Kế hoạch triển khai chuyển đổi số trong các tổ chức đảng", "Trần Văn Minh", "Chủ trì 1 nhiệm vụ"],
                    ["20/11/2026 10:00", "2", "BAN TUYÊN GIÁO", "01-TB/BTGHU", "20/11/2026", "Thông báo lịch sinh hoạt chính trị tháng 12", "", "Chưa xác nhận đã nhận; Khẩn"],
                    ["20/11/2026 11:00", "3", "THÀNH ỦY HÀ NỘI", "31-CV/TU", "02/11/2026", "Công văn V/v triển khai công tác chuyển đổi số", "", "Chưa xác nhận đã nhận"],
                ],
                incoming);

            var followUp = await tables.BuildAsync(RegisterKind.FollowUp, commune, saiSon, year, 0, 100, cancel);
            AssertRows(
                [
                    ["1", "01-KH/BTGHU ngày 20/11/2026: Kế hoạch triển khai chuyển đổi số trong các tổ chức đảng", "1. Xây dựng kế hoạch số hóa hồ sơ đảng viên.", "Chủ trì: Trần Văn Minh", "15/12/2026", "Hoàn thành đúng hạn: Đã lập danh mục hồ sơ.", "05-BC/ĐU ngày 20/11/2026", ""],
                ],
                followUp);

            // Ngọc Liệp coordinates the plan: its follow-up register holds the same task, not yet begun.
            var coordinator = await tables.BuildAsync(RegisterKind.FollowUp, committee, ngocLiep, year, 0, 100, cancel);
            AssertRows(
                [
                    ["1", "01-KH/BTGHU ngày 20/11/2026: Kế hoạch triển khai chuyển đổi số trong các tổ chức đảng", "1. Xây dựng kế hoạch số hóa hồ sơ đảng viên.", "Phối hợp", "15/12/2026", "Trong hạn, chưa thực hiện", "", ""],
                ],
                coordinator);

            // A date range narrower than the year: only what arrived in it.
            var morning = await tables.BuildAsync(RegisterKind.Incoming, commune, saiSon, new RegisterPeriod(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)), 1, 1, cancel);
            Assert.Equal(3, morning.Total);
            Assert.Equal("2", Assert.Single(morning.Rows)[1]);

            // A commune officer may not read another commune's registers.
            var book = scope.ServiceProvider.GetRequiredService<RegisterBook>();
            Assert.Null(await book.UnitAsync(commune, ngocLiep, cancel));
            Assert.NotNull(await book.UnitAsync(committee, ngocLiep, cancel));
        }

        // The demo: Quốc Oai's 2021 outgoing register has 114-CV/HU, Sài Sơn's 2021 incoming register has it under an arrival number.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var tables = scope.ServiceProvider.GetRequiredService<RegisterTables>();
            var outgoing2021 = await tables.BuildAsync(RegisterKind.Outgoing, committee, quocOai, RegisterPeriod.OfYear(2021), 0, 100, cancel);
            Assert.Equal("114-CV/HU", Assert.Single(outgoing2021.Rows)[0]);
            var incoming2021 = await tables.BuildAsync(RegisterKind.Incoming, commune, saiSon, RegisterPeriod.OfYear(2021), 0, 100, cancel);
            var row = Assert.Single(incoming2021.Rows);
            Assert.Equal(["1", "114-CV/HU"], [row[1], row[3]]);
        }

        // The API: the same rows; incoming items carry arrivalNumber; another commune's register is not found.
        var api = await factory.ApiClientAsync(DemoAccounts.Officer);
        var items = await api.GetFromJsonAsync<JsonElement>($"/api/registers/incoming?organizationId={saiSon}&from=2026-01-01&to=2026-12-31", cancel);
        Assert.Equal([1, 2, 3], items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("arrivalNumber").GetInt32()));
        Assert.Equal("31-CV/TU", items.GetProperty("items")[2].GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/registers/incoming?organizationId={ngocLiep}", UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/registers/follow-up?organizationId={ngocLiep}", UriKind.Relative), cancel)).StatusCode);
        var bad = await api.GetAsync(new Uri($"/api/registers/outgoing?organizationId={saiSon}&from=2026-12-31&to=2026-01-01", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"to\"", await bad.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        _ = received;
    }

    private static async Task<Guid> DraftAsync(Func<AppDbContext> createDb, Guid issuer, Guid clerk, DirectiveContent content)
    {
        await using var db = createDb();
        var draft = new Directive(issuer, content, clerk, DateTime.UtcNow);
        db.Directives.Add(draft);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return draft.Id;
    }

    private static void AssertRows(string[][] expected, RegisterTable actual)
    {
        Assert.Equal(expected.Length, actual.Total);
        Assert.Equal(expected.Length, actual.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual.Rows[i]);
        }
    }
}
