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
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace DirectiveHub.Tests.Dashboard;

/// <summary>
/// A hand-built province: P ▸ D ▸ {C1, C2} and P ▸ S ▸ C3. In November 2026 D publishes A (C1 leads task 1 with C2
/// coordinating, due 10/11; C2 leads task 2, due 31/12) and S publishes B (C3 leads, due 15/11); D's October directive
/// falls outside the period. C1 is done on time, C2 late on task 1 and in progress on task 2, C3 silent and overdue.
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
        Assert.Equal((3, 1, 1, 1, 0), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.5, json.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(1.0, json.GetProperty("acknowledgmentRate").GetDouble());
        Assert.Equal(3.0, json.GetProperty("medianHoursToAcknowledge").GetDouble());
        var units = json.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!, u => u);
        Assert.Equal(["C1 TEST", "C2 TEST"], units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 1, 1, 0, 0, 1.0), Figures(units["C1 TEST"]));
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
        Assert.Equal((4, 1, 1, 1, 1), (tasks.GetProperty("total").GetInt32(), tasks.GetProperty("open").GetInt32(), tasks.GetProperty("done").GetInt32(), tasks.GetProperty("doneLate").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.3333, json.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(0.6667, json.GetProperty("acknowledgmentRate").GetDouble());
        var trend = Assert.Single(json.GetProperty("trend").EnumerateArray());
        Assert.Equal((2026, 11, 2, 1, 1, 1), (trend.GetProperty("year").GetInt32(), trend.GetProperty("month").GetInt32(), trend.GetProperty("directives").GetInt32(), trend.GetProperty("done").GetInt32(), trend.GetProperty("doneLate").GetInt32(), trend.GetProperty("overdue").GetInt32()));
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
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        var c3 = rows.Single(r => (string)r["Đơn vị"] == "C3 TEST");
        Assert.Equal(1d, Convert.ToDouble(c3["Quá hạn"], System.Globalization.CultureInfo.InvariantCulture));

        var page = await client.GetDocumentAsync("/Dashboard?preset=custom&from=2026-11-01&to=2026-11-30");
        var overdueLink = page.QuerySelectorAll("a").First(a => a.GetAttribute("href")!.Contains("status=overdue", StringComparison.Ordinal) && !a.GetAttribute("href")!.Contains("unit=", StringComparison.Ordinal));
        Assert.Equal("1", overdueLink.TextContent.Trim());
        var items = await client.GetDocumentAsync(overdueLink.GetAttribute("href")!);
        var row = Assert.Single(items.QuerySelectorAll("tbody tr"));
        Assert.Contains("C3 TEST", row.TextContent, StringComparison.Ordinal);
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

            await CreateUserAsync("leader.p@test.local", p.Id);
            await CreateUserAsync("leader.d@test.local", d.Id);
            var userS = await CreateUserAsync("leader.s@test.local", s.Id);

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
                a.TaskAssignments.Single(t => t.TaskId == task1 && t.OrganizationId == c1.Id).Report(receiptC1, ProgressStatus.Done, "Xong", userS, new DateTime(2026, 11, 8, 3, 0, 0, DateTimeKind.Utc));
                a.TaskAssignments.Single(t => t.TaskId == task1 && t.OrganizationId == c2.Id).Report(receiptC2, ProgressStatus.Done, "Xong", userS, new DateTime(2026, 11, 12, 3, 0, 0, DateTimeKind.Utc));
                a.TaskAssignments.Single(t => t.TaskId == task2).Report(receiptC2, ProgressStatus.InProgress, null, userS, new DateTime(2026, 11, 12, 3, 0, 0, DateTimeKind.Utc));
                _ = b;
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
        var directive = new Directive(issuer.Id, new DirectiveContent { DocumentType = "CV", Subject = "thử " + issuer.Code, Recipients = recipients.Select(r => new RecipientContent(r, "x")).ToList(), Tasks = tasks }, user, at);
        directive.Publish(register, issuer, parent, issuedOn, user, at);
        db.Directives.Add(directive);
        return directive;
    }

    private async Task<Guid> CreateUserAsync(string email, Guid organizationId)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email, OrganizationId = organizationId };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Leader)).Succeeded);
        return user.Id;
    }
}
