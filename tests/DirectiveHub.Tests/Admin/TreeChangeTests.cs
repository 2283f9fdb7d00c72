using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Admin;

/// <summary>The 2025 reform on the demo tree: Quốc Oai's communes move under the city, the district is dissolved.</summary>
public sealed class TreeChangeTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moving_a_unit_takes_its_subtree_along_keeps_its_history_and_changes_who_sees_it()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var hanoi = await app.OrganizationAsync("HN");
        var admin = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(Cancel));
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizationChanges>().MoveAsync(saiSon, hanoi, new DateOnly(2025, 7, 1), new Actor(admin, DemoAccounts.Admin, hanoi, null), Cancel);
        }

        await using var db = app.CreateDbContext();
        var unit = await db.Organizations.SingleAsync(o => o.Id == saiSon, Cancel);
        var cell = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-SS-CB1", Cancel);
        var hanoiPath = await db.Organizations.Where(o => o.Id == hanoi).Select(o => o.Path).SingleAsync(Cancel);
        var quocOaiPath = await db.Organizations.Where(o => o.Code == "HN-QO").Select(o => o.Path).SingleAsync(Cancel);
        Assert.Equal(hanoi, unit.ParentId);
        Assert.True(cell.IsWithin(unit.Path) && cell.IsWithin(hanoiPath) && !cell.IsWithin(quocOaiPath));
        Assert.Equal(3, cell.Depth);
        Assert.Equal(await app.OrganizationAsync("HN-QO"), unit.AsOf(new DateOnly(2021, 10, 30)).ParentId);

        // The district clerk no longer sees the moved commune among the units beneath it.
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var units = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(clerk, "/api/organizations", Cancel);
        Assert.DoesNotContain(units!, o => o.GetProperty("code").GetString() == "HN-QO-SS");
    }

    [Fact]
    public async Task Dissolving_a_unit_passes_its_open_work_to_the_successor_and_keeps_finished_work()
    {
        app.Require();
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");
        var merged = await app.OrganizationAsync("HN");
        var admin = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(Cancel));
        var open = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.OrganizationId == phuongCach && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate).Select(t => t.Id).ToListAsync(Cancel));
        Assert.NotEmpty(open);

        int transferred;
        using (var scope = app.Factory.Services.CreateScope())
        {
            transferred = await scope.ServiceProvider.GetRequiredService<OrganizationChanges>().DissolveAsync(phuongCach, merged, new DateOnly(2025, 7, 1), new Actor(admin, DemoAccounts.Admin, phuongCach, null), Cancel);
        }

        await using var db = app.CreateDbContext();
        var moved = await db.TaskAssignments.Where(t => open.Contains(t.Id)).ToListAsync(Cancel);
        Assert.Equal(moved.Count(t => t.OrganizationId == merged), transferred);
        Assert.True(transferred > 0);
        Assert.All(moved.Where(t => t.OrganizationId == merged), t => Assert.True(db.Assignments.Any(a => a.DirectiveId == t.DirectiveId && a.OrganizationId == merged)));
        var unit = await db.Organizations.SingleAsync(o => o.Id == phuongCach, Cancel);
        Assert.Equal((new DateOnly(2025, 7, 1), (Guid?)merged), (unit.DissolvedOn, unit.SuccessorId));
        Assert.Equal("HUYỆN ỦY QUỐC OAI", await db.Directives.Where(d => d.Number == "114-CV/HU").Select(d => d.IssuerName).SingleAsync(Cancel));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Dissolved" && e.EntityId == phuongCach.ToString(), Cancel));
    }

    [Fact]
    public async Task A_unit_with_active_units_beneath_it_cannot_be_dissolved()
    {
        app.Require();
        var conCuongLike = await app.OrganizationAsync("ND-HH");
        using var scope = app.Factory.Services.CreateScope();
        await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<OrganizationChanges>().DissolveAsync(conCuongLike, null, new DateOnly(2025, 7, 1), new Actor(Guid.Empty, null, conCuongLike, null), Cancel));
    }

    [Fact]
    public async Task Dissolving_a_committee_hands_its_users_and_open_registers_to_the_successor()
    {
        app.Require();
        await using (var db = app.CreateDbContext())
        {
            var quocOai = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
            var old = new Organization("T16-OLD", "ĐẢNG ỦY XÃ CŨ T16", OrganizationKind.CommuneCommittee, "ĐU", "Cũ", quocOai, new DateOnly(2020, 1, 1));
            var successor = new Organization("T16-NEW", "ĐẢNG ỦY XÃ MỚI T16", OrganizationKind.CommuneCommittee, "ĐU", "Mới", quocOai, new DateOnly(2020, 1, 1));
            db.Organizations.AddRange(old, successor);
            db.NumberRegisters.Add(new DirectiveHub.Numbering.NumberRegister(old.Id, "CV", false, DirectiveHub.Numbering.NumberingPeriod.CalendarYear, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
            await db.SaveChangesAsync(Cancel);
        }

        var clerk = await app.CreateUserAsync("clerk.t16@test.local", "T16-OLD", DirectiveHub.Users.Roles.Clerk);
        var (oldId, newId) = (await app.OrganizationAsync("T16-OLD"), await app.OrganizationAsync("T16-NEW"));
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizationChanges>().DissolveAsync(oldId, newId, new DateOnly(2025, 7, 1), new Actor(Guid.Empty, null, oldId, null), Cancel);
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(newId, await check.Users.Where(u => u.Id == clerk).Select(u => u.OrganizationId).SingleAsync(Cancel));
        var registers = await check.NumberRegisters.Where(r => r.IssuerId == oldId || r.IssuerId == newId).ToListAsync(Cancel);
        Assert.Equal(new DateOnly(2025, 6, 30), registers.Single(r => r.IssuerId == oldId).PeriodEnd);
        var taken = registers.Single(r => r.IssuerId == newId);
        Assert.Equal(("CV", new DateOnly(2025, 7, 1), (DateOnly?)new DateOnly(2025, 12, 31)), (taken.DocumentType, taken.PeriodStart, taken.PeriodEnd));
    }

    [Fact]
    public async Task Todays_tree_shows_no_unit_of_a_dissolved_committee_at_its_root_and_asks_the_administrator_about_what_is_left()
    {
        app.Require();
        await using (var db = app.CreateDbContext())
        {
            // Data from before the rule: a committee dissolved while a board of it was kept.
            var haiHau = await db.Organizations.SingleAsync(o => o.Code == "ND-HH", Cancel);
            var committee = new Organization("T16-DC", "HUYỆN ỦY GIẢI THỂ T16", OrganizationKind.DistrictCommittee, "HU", "T16", haiHau, new DateOnly(2020, 1, 1));
            var board = new Organization("T16-BOARD", "BAN TUYÊN GIÁO CÒN LẠI T16", OrganizationKind.CommitteeBoard, "BTGHU", "T16", committee, new DateOnly(2020, 1, 1));
            committee.Dissolve(new DateOnly(2025, 7, 1), null);
            db.Organizations.AddRange(committee, board);
            await db.SaveChangesAsync(Cancel);
        }

        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync("/Admin/Organizations");
        var tree = page.QuerySelector("[data-testid=tree]")!.TextContent;
        // The demo's dissolved districts leave nothing behind in today's tree: their offices and bodies ended with them.
        Assert.DoesNotContain("BAN TUYÊN GIÁO CÒN LẠI T16", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("ỦY BAN KIỂM TRA HUYỆN ỦY", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("VĂN PHÒNG QUẬN ỦY", tree, StringComparison.Ordinal);
        var left = page.QuerySelector("[data-testid=left-behind]")!.TextContent;
        Assert.Contains("BAN TUYÊN GIÁO CÒN LẠI T16 (T16-BOARD) vẫn trực thuộc HUYỆN ỦY GIẢI THỂ T16 đã giải thể", left, StringComparison.Ordinal);
        // Con Cuông's clerk and registers stayed with the dissolved district (seeded without a hand-over).
        Assert.Matches("HUYỆN ỦY CON CUÔNG đã giải thể nhưng còn 1 người dùng và [1-9][0-9]* sổ đăng ký đang mở", left);

        // Before the reform the board stands in its place.
        var before = (await admin.GetDocumentAsync("/Admin/Organizations?asOf=2025-06-30")).QuerySelector("[data-testid=tree]")!.TextContent;
        Assert.Contains("BAN TUYÊN GIÁO CÒN LẠI T16", before, StringComparison.Ordinal);
    }
}
