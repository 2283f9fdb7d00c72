using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Admin;

/// <summary>/api/admin/users and single-unit creation, the users page's filters, and the tree by date and by search.</summary>
public sealed class AdministrationApiTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_are_listed_with_filters_invited_and_changed_through_the_API()
    {
        app.Require();
        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);

        var leaders = await admin.GetFromJsonAsync<List<JsonElement>>("/api/admin/users?role=Leader", Cancel);
        Assert.NotEmpty(leaders!);
        Assert.All(leaders!, u => Assert.Contains("Leader", u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        var quocOai = await app.OrganizationAsync("HN-QO");
        var inQuocOai = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/admin/users?organizationId={quocOai}", Cancel);
        Assert.Contains(inQuocOai!, u => u.GetProperty("email").GetString() == DemoAccounts.Officer); // Sài Sơn is beneath Quốc Oai
        Assert.DoesNotContain(inQuocOai!, u => u.GetProperty("email").GetString() == "clerk.concuong@demo.local");

        var bad = await admin.PostAsJsonAsync("/api/admin/users", new { email = "not-an-address", fullName = "", organizationId = quocOai, roles = new[] { "Boss" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var errors = problem.GetProperty("errors");
        Assert.Contains("không hợp lệ", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("fullName", out _) && errors.TryGetProperty("roles", out _));

        var created = await admin.PostAsJsonAsync("/api/admin/users", new { email = "lanhdao.saison@demo.local", fullName = "Trần Thị Lãnh Đạo", organizationId = await app.OrganizationAsync("HN-QO-SS"), roles = new[] { "Leader" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.DoesNotContain("password", (await created.Content.ReadAsStringAsync(Cancel)).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.To == "lanhdao.saison@demo.local" && m.Body.Contains("/Account/SetPassword"), Cancel)));

        var duplicate = await admin.PostAsJsonAsync("/api/admin/users", new { email = "lanhdao.saison@demo.local", fullName = "Lặp", organizationId = await app.OrganizationAsync("HN-QO-SS"), roles = new[] { "Leader" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã có tài khoản", await duplicate.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var id = row.GetProperty("id").GetGuid();
        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { organizationId = quocOai, roles = new[] { "Leader", "Clerk" } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.Equal(quocOai, user.OrganizationId);
            Assert.Equal(["Clerk", "Leader"], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        }

        Assert.True(await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "RoleChanged" && e.EntityId == id.ToString(), Cancel)));
    }

    [Fact]
    public async Task A_committee_admin_cannot_list_invite_into_or_change_another_branch()
    {
        app.Require();
        await app.CreateUserAsync("admin.quocoai@demo.local", "HN-QO", Roles.Admin);
        var district = await app.Factory.ApiClientAsync("admin.quocoai@demo.local");

        var listed = await district.GetFromJsonAsync<List<JsonElement>>("/api/admin/users", Cancel);
        Assert.DoesNotContain(listed!, u => u.GetProperty("email").GetString() == DemoAccounts.Admin);

        var elsewhere = await district.PostAsJsonAsync("/api/admin/users", new { email = "x.hadong@demo.local", fullName = "Người Hà Đông", organizationId = await app.OrganizationAsync("HN-HD"), roles = new[] { "Clerk" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "x.hadong@demo.local", Cancel)));

        var conCuongClerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk.concuong@demo.local").Select(u => u.Id).SingleAsync(Cancel));
        var change = await district.PutAsJsonAsync($"/api/admin/users/{conCuongClerk}", new { organizationId = await app.OrganizationAsync("HN-QO"), roles = new[] { "Admin" } }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);

        var unit = await district.PostAsJsonAsync("/api/admin/organizations", new { code = "HD-NEW", name = "CHI BỘ MỚI", kind = "PartyCell", parentCode = "HN-HD" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        Assert.True((await unit.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("parentCode", out _));
    }

    [Fact]
    public async Task One_unit_is_created_through_the_API_with_errors_per_field()
    {
        app.Require();
        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);

        var bad = await admin.PostAsJsonAsync("/api/admin/organizations", new { code = "HN-QO", name = "", kind = "Village", parentCode = "HN" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _) && errors.TryGetProperty("name", out _) && errors.TryGetProperty("kind", out _));

        var created = await admin.PostAsJsonAsync("/api/admin/organizations", new { code = "hn-qo-ss-cb2", name = "CHI BỘ THÔN 2", kind = "PartyCell", parentCode = "HN-QO-SS", place = "Sài Sơn" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cell = await app.QueryAsync(db => db.Organizations.SingleAsync(o => o.Code == "HN-QO-SS-CB2", Cancel));
        Assert.Equal(("CB", await app.OrganizationAsync("HN-QO-SS")), (cell.SymbolCode, cell.ParentId!.Value));
    }

    [Fact]
    public async Task The_tree_page_shows_a_rename_from_its_date_and_finds_units_without_diacritics()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");

        var renamed = await admin.SubmitFormAsync("/Admin/Organizations", new Dictionary<string, string>
        {
            ["unit"] = phuongCach.ToString(),
            ["name"] = "ĐẢNG ỦY XÃ PHƯỢNG CÁCH MỚI",
            ["symbolCode"] = "ĐU",
            ["place"] = "Phượng Cách",
            ["effectiveOn"] = "2026-01-01",
        }, "form[action*='handler=Rename']");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(renamed)).QuerySelector(".alert-success"));

        var before = await admin.GetDocumentAsync("/Admin/Organizations?asOf=2025-06-30&q=phuong%20cach");
        var rowsBefore = before.QuerySelectorAll("[data-testid=tree] tbody tr td:nth-child(2)").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains("ĐẢNG ỦY XÃ PHƯỢNG CÁCH", rowsBefore);
        Assert.Contains(rowsBefore, r => r.Contains("HUYỆN ỦY QUỐC OAI", StringComparison.Ordinal)); // its ancestor, for context
        Assert.DoesNotContain(rowsBefore, r => r.Contains("SÀI SƠN", StringComparison.Ordinal));

        var after = await admin.GetDocumentAsync("/Admin/Organizations?asOf=2026-02-01&q=PHUONG%20CACH%20MOI");
        Assert.Contains("ĐẢNG ỦY XÃ PHƯỢNG CÁCH MỚI", after.QuerySelectorAll("[data-testid=tree] tbody tr td:nth-child(2)").Select(r => r.TextContent.Trim()));

        // The 2025 reform: on 2025-06-30 Hà Đông's wards still exist; on 2025-07-01 they are gone, the merged ward is there.
        var preReform = (await admin.GetDocumentAsync("/Admin/Organizations?asOf=2025-06-30")).QuerySelector("[data-testid=tree]")!.TextContent;
        var postReform = (await admin.GetDocumentAsync("/Admin/Organizations?asOf=2025-07-01")).QuerySelector("[data-testid=tree]")!.TextContent;
        Assert.Contains("ĐẢNG ỦY PHƯỜNG VĂN QUÁN", preReform, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐẢNG ỦY PHƯỜNG VĂN QUÁN", postReform, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG", postReform, StringComparison.Ordinal);

        // A change dated before the last recorded one is refused with a message, and nothing changes.
        var backdated = await admin.SubmitFormAsync("/Admin/Organizations", new Dictionary<string, string>
        {
            ["unit"] = phuongCach.ToString(),
            ["name"] = "TÊN LÙI NGÀY",
            ["symbolCode"] = "ĐU",
            ["effectiveOn"] = "2025-12-31",
        }, "form[action*='handler=Rename']");
        Assert.Contains("Ngày hiệu lực", (await PageClient.ParseAsync(backdated)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ĐẢNG ỦY XÃ PHƯỢNG CÁCH MỚI", await app.QueryAsync(db => db.Organizations.Where(o => o.Id == phuongCach).Select(o => o.Name).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task The_users_page_filters_by_role_and_unit_and_changes_roles()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);

        var officers = await admin.GetDocumentAsync($"/Admin/Users?role=Officer&unit={await app.OrganizationAsync("HN-QO-SS")}");
        var emails = officers.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Contains(DemoAccounts.Officer, emails);
        Assert.DoesNotContain(DemoAccounts.Clerk, emails);

        var officer = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(Cancel));
        var updated = await admin.SubmitFormAsync($"/Admin/Users?edit={officer}", new Dictionary<string, string>
        {
            ["organizationId"] = (await app.OrganizationAsync("HN-QO-SS")).ToString(),
            ["roles"] = "Officer",
        }, "form[action*='handler=Update']");
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);

        var self = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(Cancel));
        var dropOwnAdmin = await admin.SubmitFormAsync($"/Admin/Users?edit={self}", new Dictionary<string, string>
        {
            ["organizationId"] = (await app.OrganizationAsync("TW")).ToString(),
            ["roles"] = "Leader",
        }, "form[action*='handler=Update']");
        Assert.Equal(HttpStatusCode.OK, dropOwnAdmin.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(dropOwnAdmin)).QuerySelector(".alert-danger"));
    }

    [Fact]
    public async Task A_person_of_a_dissolved_unit_keeps_it_when_only_their_roles_change()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var conCuong = await app.OrganizationAsync("NA-CC");
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk.concuong@demo.local").Select(u => u.Id).SingleAsync(Cancel));

        // The form offers the unit the person is in, marked dissolved, and chooses it.
        var form = await admin.GetDocumentAsync($"/Admin/Users?edit={clerk}");
        var chosen = form.QuerySelector("#edit-unit option[selected]")!;
        Assert.Equal(conCuong.ToString(), chosen.GetAttribute("value"));
        Assert.Contains("(đã giải thể)", chosen.TextContent, StringComparison.Ordinal);

        var updated = await admin.SubmitFormAsync($"/Admin/Users?edit={clerk}", new Dictionary<string, string>
        {
            ["organizationId"] = conCuong.ToString(),
            ["roles"] = "Clerk",
        }, "form[action*='handler=Update']");

        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Equal(conCuong, await app.QueryAsync(db => db.Users.Where(u => u.Id == clerk).Select(u => u.OrganizationId).SingleAsync(Cancel)));

        // Moving someone else into the dissolved unit is still refused.
        var officer = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(Cancel));
        var moved = await admin.SubmitFormAsync($"/Admin/Users?edit={officer}", new Dictionary<string, string>
        {
            ["organizationId"] = conCuong.ToString(),
            ["roles"] = "Officer",
        }, "form[action*='handler=Update']");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.NotEqual(conCuong, await app.QueryAsync(db => db.Users.Where(u => u.Id == officer).Select(u => u.OrganizationId).SingleAsync(Cancel)));
    }
}
