using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DirectiveHub.Tests.Dashboard;

/// <summary>
/// A hand-built province: P ▸ D ▸ {C1, C2} and P ▸ S ▸ C3. In November 2026 D publishes A (C1 leads task 1 with C2
/// coordinating, due 10/11; C2 leads task 2, due 31/12) and S publishes B (C3 leads, due 15/11); D's October directive
/// falls outside the period, but its task (C1, due 05/10) is still overdue: open and overdue work is a stock, counted
/// whatever the period. C1 is done on time, C2 late on task 1 and in progress on task 2, C3 silent and overdue.
/// </summary>
public sealed class DashboardTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly SemaphoreSlim Built = new(1, 1);
    private static bool _built;

    [Fact]
    public async Task The_district_dashboard_computes_every_figure_of_its_subtree_only()
    {
        app.Require();
        await BuildAsync();
        var d = await app.Factory.ApiClientAsync("leader.d@test.local");

        var json = await d.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel);

        Assert.Equal(1, json.GetProperty("directives").GetInt32());
        var tasks = json.GetProperty("taskAssignments");
        Assert.Equal((3, 1, 1, 1, 1), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.3333, json.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(1.0, json.GetProperty("acknowledgmentRate").GetDouble());
        Assert.Equal(3.0, json.GetProperty("medianHoursToAcknowledge").GetDouble());
        var units = json.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!, u => u);
        Assert.Equal(["C1 TEST", "C2 TEST"], units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 1, 1, 0, 1, 0.5), Figures(units["C1 TEST"]));
        Assert.Equal((2, 2, 0, 1, 0, 0.0), Figures(units["C2 TEST"]));
    }

    [Fact]
    public async Task The_province_dashboard_adds_the_other_branch_and_its_overdue_item()
    {
        app.Require();
        await BuildAsync();
        var p = await app.Factory.ApiClientAsync("leader.p@test.local");

        var json = await p.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel);

        Assert.Equal(2, json.GetProperty("directives").GetInt32());
        var tasks = json.GetProperty("taskAssignments");
        Assert.Equal((4, 1, 1, 1, 2), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.25, json.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(0.6667, json.GetProperty("acknowledgmentRate").GetDouble());
        var trend = Assert.Single(json.GetProperty("trend").EnumerateArray());
        // Every month of the period, September (nothing issued) too.
        var quarter = await p.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-09-01&to=2026-12-31", Cancel);
        Assert.Equal(["2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01"], quarter.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("start").GetString()));
        Assert.Equal(("2026-11-01", 2, 1, 1, 1), (trend.GetProperty("start").GetString(), trend.GetProperty("directives").GetInt32(), trend.GetProperty("done").GetInt32(), trend.GetProperty("doneLate").GetInt32(), trend.GetProperty("overdue").GetInt32()));
        var worst = json.GetProperty("units")[0];
        Assert.Equal(("C3 TEST", (1, 0, 0, 0, 1, 0.0)), (worst.GetProperty("name").GetString(), Figures(worst)));

        var s = await app.Factory.ApiClientAsync("leader.s@test.local");
        var sibling = await s.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel);
        Assert.Equal(1, sibling.GetProperty("directives").GetInt32());
        Assert.DoesNotContain(sibling.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "C1 TEST");
        var d = await app.QueryAsync(db => db.Organizations.Where(o => o.Code == "T-D").Select(o => o.Id).SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync(new Uri($"/api/dashboard?organizationId={d}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_by_unit_table_exports_to_Excel_with_Vietnamese_headers_and_the_numbers_link_to_their_items()
    {
        app.Require();
        await BuildAsync();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("leader.p@test.local");

        var xlsx = await client.GetAsync(new Uri("/Dashboard?handler=Xlsx&preset=custom&from=2026-11-01&to=2026-11-30", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        // The title row (unit and period) and an empty row come before the table's header.
        var rows = stream.Query(useHeaderRow: true, startCell: "A3").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(1d, Convert.ToDouble(rows.Single(r => (string)r["Đơn vị"] == "C1 TEST")["Quá hạn"], System.Globalization.CultureInfo.InvariantCulture));
        var c3 = rows.Single(r => (string)r["Đơn vị"] == "C3 TEST");
        Assert.Equal(1d, Convert.ToDouble(c3["Quá hạn"], System.Globalization.CultureInfo.InvariantCulture));

        var page = await client.GetDocumentAsync("/Dashboard?preset=custom&from=2026-11-01&to=2026-11-30");
        var overdueLink = page.QuerySelectorAll("a").First(a => a.GetAttribute("href")!.Contains("status=overdue", StringComparison.Ordinal) && !a.GetAttribute("href")!.Contains("unit=", StringComparison.Ordinal));
        Assert.Equal("2", overdueLink.TextContent.Trim());
        var items = await client.GetDocumentAsync(overdueLink.GetAttribute("href")!);
        Assert.Equal(["C1 TEST", "C3 TEST"], items.QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent.Trim()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_province_sees_subtotals_up_the_tree_worst_first_the_oldest_overdue_and_the_heat_map()
    {
        app.Require();
        await BuildAsync();
        var p = await app.Factory.ApiClientAsync("leader.p@test.local");

        var json = await p.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-11-01&to=2026-11-30", Cancel);

        // P ▸ S ▸ C3 first (one overdue item, on-time rate 0), then D ▸ C1 (the October task overdue) ▸ C2; each row
        // adds up its subtree.
        var tree = json.GetProperty("tree").EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("depth").GetInt32(), Figures(r))).ToList();
        Assert.Equal(
            [
                ("P TEST", 0, (4, 3, 1, 1, 2, 0.25)),
                ("S TEST", 1, (1, 0, 0, 0, 1, 0.0)),
                ("C3 TEST", 2, (1, 0, 0, 0, 1, 0.0)),
                ("D TEST", 1, (3, 3, 1, 1, 1, 0.3333)),
                ("C1 TEST", 2, (1, 1, 1, 0, 1, 0.5)),
                ("C2 TEST", 2, (2, 2, 0, 1, 0, 0.0)),
            ],
            tree);

        // The oldest first: the October task is overdue whatever the period.
        var oldest = json.GetProperty("oldestOverdue").EnumerateArray().Select(o => (o.GetProperty("taskText").GetString(), o.GetProperty("unit").GetString(), o.GetProperty("deadline").GetString(), o.GetProperty("daysLate").GetInt32())).ToList();
        Assert.Equal([("Cũ", "C1 TEST", "2026-10-05", 46), ("Nhiệm vụ B", "C3 TEST", "2026-11-15", 5)], oldest);

        // Columns newest first (B of S on 6/11, then A of D on 5/11); rows are P's children with their subtrees.
        var map = json.GetProperty("heatMap");
        Assert.Equal(["thử T-S", "thử T-D"], await ColumnSubjectsAsync(map));
        var rows = map.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("cells").EnumerateArray().ToList());
        Assert.Equal(["D TEST", "S TEST"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 0, 1), Cell(rows["S TEST"][0]));
        Assert.Equal(JsonValueKind.Null, rows["S TEST"][1].ValueKind);
        Assert.Equal(JsonValueKind.Null, rows["D TEST"][0].ValueKind);
        Assert.Equal((3, 2, 0), Cell(rows["D TEST"][1]));
    }

    [Fact]
    public async Task The_trend_goes_by_week_and_the_issuer_filter_narrows_every_figure()
    {
        app.Require();
        await BuildAsync();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("leader.p@test.local");
        var s = await app.OrganizationAsync("T-S");

        var weekly = await client.GetDocumentAsync("/Dashboard?preset=custom&from=2026-11-01&to=2026-11-30&trendBy=week");
        // Every week of the period, the empty ones too; the first from the period's first day.
        Assert.Equal(["01/11", "02/11", "09/11", "16/11", "23/11", "30/11"], weekly.QuerySelectorAll("#trend-heading + .chart-box + details tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        // The weekly view is part of the filter: the item lists and the by-directive view lead back to it.
        var itemsLink = weekly.QuerySelector("a[href*='/Dashboard/Items']")!.GetAttribute("href")!;
        Assert.Contains("trendBy=week", itemsLink, StringComparison.Ordinal);
        Assert.Contains("trendBy=week", (await client.GetDocumentAsync(itemsLink)).QuerySelector("main nav a")!.GetAttribute("href"), StringComparison.Ordinal);

        var api = await app.Factory.ApiClientAsync("leader.p@test.local");
        var byIssuer = await api.GetFromJsonAsync<JsonElement>($"/api/dashboard?from=2026-11-01&to=2026-11-30&issuerId={s}", Cancel);
        Assert.Equal(1, byIssuer.GetProperty("directives").GetInt32());
        Assert.Equal(1, byIssuer.GetProperty("taskAssignments").GetProperty("total").GetInt32());
        // S's directive has no acknowledgment yet: no median, on PostgreSQL as on SQLite (D's 3 h must not leak in).
        Assert.Equal(JsonValueKind.Null, byIssuer.GetProperty("medianHoursToAcknowledge").ValueKind);
        var byD = await api.GetFromJsonAsync<JsonElement>($"/api/dashboard?from=2026-11-01&to=2026-11-30&issuerId={await app.OrganizationAsync("T-D")}", Cancel);
        Assert.Equal(3.0, byD.GetProperty("medianHoursToAcknowledge").GetDouble());

        var page = await client.GetDocumentAsync($"/Dashboard?preset=custom&from=2026-11-01&to=2026-11-30&issuer={s}");
        Assert.Contains("S TEST", page.QuerySelector("#issuer option[selected]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("C1 TEST", page.QuerySelector("[data-testid=unit-tree]")!.TextContent, StringComparison.Ordinal);

        // The tree's subtotal links list the items of the unit and every unit beneath it.
        var dRow = page.QuerySelectorAll("[data-testid=unit-tree] tbody tr").Single(r => r.TextContent.Contains("S TEST", StringComparison.Ordinal));
        var items = await client.GetDocumentAsync(dRow.QuerySelector("a[href*='status=overdue']")!.GetAttribute("href")!);
        Assert.Contains("C3 TEST", Assert.Single(items.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_by_directive_view_shows_progress_and_the_cascade_and_exports()
    {
        app.Require();
        await BuildAsync();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("leader.p@test.local");

        var page = await client.GetDocumentAsync("/Dashboard/Directives?preset=custom&from=2026-11-01&to=2026-11-30");
        var entries = page.QuerySelectorAll("[data-testid=by-directive] > li").ToList();
        Assert.Equal(2, entries.Count);
        var a = entries.Single(e => e.TextContent.Contains("thử T-D", StringComparison.Ordinal));
        Assert.Contains("Đúng hạn 1 · trễ hạn 1 · quá hạn 0 · đang thực hiện 1", a.TextContent, StringComparison.Ordinal);
        Assert.NotNull(a.QuerySelector(".progress.pct-33"));
        Assert.Contains("1 văn bản cấp dưới triển khai", a.QuerySelector("details summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("C1 TEST", a.QuerySelector("details")!.TextContent, StringComparison.Ordinal);

        var xlsx = await client.GetAsync(new Uri("/Dashboard/Directives?handler=Xlsx&preset=custom&from=2026-11-01&to=2026-11-30", UriKind.Relative), Cancel);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        // The title row (unit and period) and an empty row come before the table's header.
        var rows = stream.Query(useHeaderRow: true, startCell: "A3").Cast<IDictionary<string, object>>().ToList();
        var b = rows.Single(r => (string)r["Trích yếu"] == "thử T-S");
        Assert.Equal(1d, Convert.ToDouble(b["Quá hạn"], System.Globalization.CultureInfo.InvariantCulture));

        var csv = await client.GetStringAsync(new Uri("/Dashboard?handler=Csv&table=tree&preset=custom&from=2026-11-01&to=2026-11-30", UriKind.Relative), Cancel);
        var lines = csv.Split('\n');
        Assert.Contains("Tổng hợp theo cây tổ chức", lines[0], StringComparison.Ordinal);
        Assert.Contains("01/11/2026–30/11/2026", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Cấp,Đơn vị (cộng cả đơn vị trực thuộc)", lines[2], StringComparison.Ordinal);
        Assert.Contains("1,S TEST,1,0,0,0,1,0", csv.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_and_overdue_work_is_a_stock_shown_whatever_the_period_while_the_period_filters_what_was_issued_and_done()
    {
        app.Require();
        await BuildAsync();
        var p = await app.Factory.ApiClientAsync("leader.p@test.local");

        // January 2027 issued nothing and saw nothing done; November's open task and both overdue ones are still there.
        var json = await p.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2027-01-01&to=2027-01-31", Cancel);
        var tasks = json.GetProperty("taskAssignments");
        Assert.Equal((0, 1, 0, 0, 2), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(2, json.GetProperty("oldestOverdue").GetArrayLength());

        // October issued the old directive but saw nothing done: its task is assigned and overdue, November's done ones are not counted.
        var october = await p.GetFromJsonAsync<JsonElement>("/api/dashboard?from=2026-10-01&to=2026-10-31", Cancel);
        var c1 = october.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "C1 TEST");
        Assert.Equal((1, 0, 0, 0, 1, 0.0), Figures(c1));

        // The lists behind the numbers are the same tasks.
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("leader.p@test.local");
        var items = await client.GetDocumentAsync("/Dashboard/Items?from=2027-01-01&to=2027-01-31&status=overdue");
        Assert.Equal(2, items.QuerySelectorAll("tbody tr").Length);
        var done = await client.GetDocumentAsync("/Dashboard/Items?from=2027-01-01&to=2027-01-31&status=done");
        Assert.Empty(done.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_units_dashboard_shows_what_it_issued_and_what_it_was_assigned()
    {
        app.Require();
        await BuildAsync();
        var d = await app.Factory.ApiClientAsync("leader.d@test.local");
        var c1 = await app.OrganizationAsync("T-C1");

        // C1 issued only December's directive (no tasks); in November it was assigned task 1 of A (done on time), and the
        // October task is overdue.
        var json = await d.GetFromJsonAsync<JsonElement>($"/api/dashboard?organizationId={c1}&from=2026-11-01&to=2026-11-30", Cancel);
        Assert.Equal(0, json.GetProperty("taskAssignments").GetProperty("total").GetInt32());
        var received = json.GetProperty("received");
        var tasks = received.GetProperty("taskAssignments");
        Assert.Equal((1, 0, 1, 0, 1), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(1, received.GetProperty("acknowledged").GetInt32());
        Assert.Equal(0.5, received.GetProperty("onTimeRate").GetDouble());

        // The page labels both, and the unit's numbers link to its tasks.
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("leader.d@test.local");
        var page = await client.GetDocumentAsync($"/Dashboard?org={c1}&preset=custom&from=2026-11-01&to=2026-11-30");
        Assert.Equal("Văn bản đơn vị ban hành", page.QuerySelector("#issued-heading")!.TextContent.Trim());
        var section = page.QuerySelector("[data-testid=received]")!;
        Assert.Equal("Nhiệm vụ đơn vị được giao", section.QuerySelector("h2")!.TextContent.Trim());
        var overdue = section.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("status=overdue", StringComparison.Ordinal));
        var items = await client.GetDocumentAsync(overdue.GetAttribute("href")!);
        Assert.Contains("Cũ", Assert.Single(items.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);

        // S's leader may not open a unit of D's branch.
        var s = await app.Factory.ApiClientAsync("leader.s@test.local");
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync(new Uri($"/api/dashboard?organizationId={c1}", UriKind.Relative), Cancel)).StatusCode);
    }

    private static (int, int, int) Cell(JsonElement c) => (c.GetProperty("assigned").GetInt32(), c.GetProperty("finished").GetInt32(), c.GetProperty("overdue").GetInt32());

    private async Task<List<string>> ColumnSubjectsAsync(JsonElement map)
    {
        var ids = map.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        var subjects = await app.QueryAsync(db => db.Directives.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Subject, Cancel));
        return ids.Select(id => subjects[id]).ToList();
    }

    private static (int, int, int, int, int, double) Figures(JsonElement u) =>
        (u.GetProperty("assigned").GetInt32(), u.GetProperty("acknowledged").GetInt32(), u.GetProperty("done").GetInt32(), u.GetProperty("doneLate").GetInt32(), u.GetProperty("overdue").GetInt32(), u.GetProperty("onTimeRate").GetDouble());

    private async Task BuildAsync()
    {
        await Built.WaitAsync(Cancel);
        try
        {
            if (_built && await app.QueryAsync(db => db.Organizations.AnyAsync(o => o.Code == "T-P", Cancel)))
            {
                return;
            }

            var founded = new DateOnly(2020, 1, 1);
            var p = new Organization("T-P", "P TEST", OrganizationKind.ProvincialCommittee, "TU", "P", null, founded, "ĐẢNG BỘ P");
            var d = new Organization("T-D", "D TEST", OrganizationKind.DistrictCommittee, "HU", "D", p, founded);
            var s = new Organization("T-S", "S TEST", OrganizationKind.DistrictCommittee, "HU", "S", p, founded);
            var c1 = new Organization("T-C1", "C1 TEST", OrganizationKind.CommuneCommittee, "ĐU", "C1", d, founded);
            var c2 = new Organization("T-C2", "C2 TEST", OrganizationKind.CommuneCommittee, "ĐU", "C2", d, founded);
            var c3 = new Organization("T-C3", "C3 TEST", OrganizationKind.CommuneCommittee, "ĐU", "C3", s, founded);
            await using (var db = app.CreateDbContext())
            {
                db.Organizations.AddRange(p, d, s, c1, c2, c3);
                await db.SaveChangesAsync(Cancel);
            }

            await app.CreateUserAsync("leader.p@test.local", "T-P", Roles.Leader);
            await app.CreateUserAsync("leader.d@test.local", "T-D", Roles.Leader);
            var userS = await app.CreateUserAsync("leader.s@test.local", "T-S", Roles.Leader);

            await using (var db = app.CreateDbContext())
            {
                var published = new DateTime(2026, 11, 5, 1, 0, 0, DateTimeKind.Utc);
                var a = Publish(db, d, p, new DateOnly(2026, 11, 5), published, userS, [c1.Id, c2.Id],
                    [new("Nhiệm vụ 1", new DateOnly(2026, 11, 10), c1.Id, [c2.Id], []), new("Nhiệm vụ 2", new DateOnly(2026, 12, 31), c2.Id, [], [])]);
                var b = Publish(db, s, p, new DateOnly(2026, 11, 6), published.AddDays(1), userS, [c3.Id], [new("Nhiệm vụ B", new DateOnly(2026, 11, 15), c3.Id, [], [])]);
                Publish(db, d, p, new DateOnly(2026, 10, 1), new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc), userS, [c1.Id], [new("Cũ", new DateOnly(2026, 10, 5), c1.Id, [], [])]);

                var receiptC1 = a.Assignments.Single(x => x.OrganizationId == c1.Id);
                var receiptC2 = a.Assignments.Single(x => x.OrganizationId == c2.Id);
                receiptC1.Acknowledge(userS, published.AddHours(2));
                receiptC2.Acknowledge(userS, published.AddHours(4));
                var task1 = a.Tasks.Single(t => t.Text == "Nhiệm vụ 1").Id;
                var task2 = a.Tasks.Single(t => t.Text == "Nhiệm vụ 2").Id;
                // Done is an accepted result: reported, then accepted by the issuer.
                var doneC1 = a.TaskAssignments.Single(t => t.TaskId == task1 && t.OrganizationId == c1.Id);
                doneC1.Report(receiptC1, ProgressStatus.Done, "Xong", userS, new DateTime(2026, 11, 8, 3, 0, 0, DateTimeKind.Utc), hasEvidence: true);
                doneC1.Review(ReviewDecision.Accept, ResultQuality.Dat, null, userS, d.Id, new DateTime(2026, 11, 9, 3, 0, 0, DateTimeKind.Utc));
                var doneC2 = a.TaskAssignments.Single(t => t.TaskId == task1 && t.OrganizationId == c2.Id);
                doneC2.Report(receiptC2, ProgressStatus.Done, "Xong", userS, new DateTime(2026, 11, 12, 3, 0, 0, DateTimeKind.Utc), hasEvidence: true);
                doneC2.Review(ReviewDecision.Accept, ResultQuality.Dat, null, userS, d.Id, new DateTime(2026, 11, 13, 3, 0, 0, DateTimeKind.Utc));
                a.TaskAssignments.Single(t => t.TaskId == task2).Report(receiptC2, ProgressStatus.InProgress, null, userS, new DateTime(2026, 11, 12, 3, 0, 0, DateTimeKind.Utc));
                _ = b;

                // C1 carries A out with its own directive in December (outside the period): A's cascade.
                var carried = new Directive(c1.Id, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "CV", Subject = "triển khai A", Recipients = [new RecipientContent(c2.Id, "x")], References = [new ReferenceContent(a.Id, null)] }, userS, published.AddDays(30));
                var c1Register = new NumberRegister(c1.Id, "CV", false, NumberingPeriod.CalendarYear, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
                db.NumberRegisters.Add(c1Register);
                carried.Publish(c1Register, c1, d, new DateOnly(2026, 12, 5), userS, published.AddDays(30));
                db.Directives.Add(carried);
                await db.SaveChangesAsync(Cancel);
            }

            _built = true;
        }
        finally
        {
            Built.Release();
        }
    }

    private static Directive Publish(DirectiveHub.Data.AppDbContext db, Organization issuer, Organization parent, DateOnly issuedOn, DateTime at, Guid user, Guid[] recipients, TaskContent[] tasks)
    {
        var register = new NumberRegister(issuer.Id, "CV", false, NumberingPeriod.CalendarYear, new DateOnly(issuedOn.Year, issuedOn.Month, 1), new DateOnly(issuedOn.Year, issuedOn.Month, 1).AddMonths(1).AddDays(-1));
        db.NumberRegisters.Add(register);
        var directive = new Directive(issuer.Id, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "CV", Subject = "thử " + issuer.Code, Recipients = recipients.Select(r => new RecipientContent(r, "x")).ToList(), Tasks = tasks }, user, at);
        directive.Publish(register, issuer, parent, issuedOn, user, at);
        db.Directives.Add(directive);
        return directive;
    }
}
