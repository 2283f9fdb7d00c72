using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DirectiveHub.Auditing;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Admin;

public sealed class AdministrationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CSV_tree_whose_parents_are_in_the_file_or_the_system_is_imported_whole()
    {
        app.Require();
        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        const string csv = """
            code,name,kind,parentCode,place
            TN,TỈNH ỦY THÁI NGUYÊN,ProvincialCommittee,TW,Thái Nguyên
            TN-PY,"ĐẢNG ỦY XÃ PHÚ XUYÊN, ĐẠI TỪ",CommuneCommittee,TN,Phú Xuyên
            TN-PY-CB1,CHI BỘ XÓM 1,PartyCell,TN-PY,Phú Xuyên
            """;

        var response = await admin.PostAsync(new Uri("/api/admin/organizations/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("created").GetInt32());
        var cell = await app.QueryAsync(db => db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Code == "TN-PY-CB1", Cancel));
        Assert.Equal(("ĐẢNG ỦY XÃ PHÚ XUYÊN, ĐẠI TỪ", "CB"), (cell.Parent!.Name, cell.SymbolCode));
        Assert.True(cell.IsWithin(await app.QueryAsync(db => db.Organizations.Where(o => o.Code == "TN").Select(o => o.Path).SingleAsync(Cancel))));
    }

    [Fact]
    public async Task A_file_with_bad_rows_reports_every_one_by_line_and_creates_nothing()
    {
        app.Require();
        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        var before = await app.QueryAsync(db => db.Organizations.CountAsync(Cancel));
        const string csv = """
            code,name,kind,parentCode,place
            BG,TỈNH ỦY BẮC GIANG,ProvincialCommittee,TW,Bắc Giang
            BG-1,,CommuneCommittee,BG,Xã 1
            BG-2,ĐẢNG ỦY XÃ 2,Commune,BG,Xã 2
            BG-3,ĐẢNG ỦY XÃ 3,CommuneCommittee,NOWHERE,Xã 3
            BG,TỈNH ỦY TRÙNG,ProvincialCommittee,TW,Bắc Giang
            HN,THÀNH ỦY TRÙNG MÃ,ProvincialCommittee,TW,Hà Nội
            """;

        var response = await admin.PostAsync(new Uri("/api/admin/organizations/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("line").GetInt32()).Distinct().Order().ToList();
        Assert.Equal([3, 4, 5, 6, 7], errors);
        Assert.Equal(before, await app.QueryAsync(db => db.Organizations.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_committee_administrator_cannot_touch_another_branch()
    {
        app.Require();
        await CreateUserAsync("admin.hanoi@demo.local", "HN", Roles.Admin);
        var hanoiAdmin = await app.Factory.ApiClientAsync("admin.hanoi@demo.local");

        var outside = await hanoiAdmin.PostAsync(new Uri("/api/admin/organizations/import", UriKind.Relative), new StringContent("code,name,kind,parentCode,place\nNA-NEW,ĐẢNG ỦY XÃ MỚI,CommuneCommittee,NA,Nghệ An\n", Encoding.UTF8, "text/csv"), Cancel);
        var inside = await hanoiAdmin.PostAsync(new Uri("/api/admin/organizations/import", UriKind.Relative), new StringContent("code,name,kind,parentCode,place\nHN-NEW,ĐẢNG ỦY PHƯỜNG MỚI,CommuneCommittee,HN,Hà Nội\n", Encoding.UTF8, "text/csv"), Cancel);
        var list = await hanoiAdmin.GetFromJsonAsync<JsonElement>("/api/admin/organizations", Cancel);
        var audit = await hanoiAdmin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("code").GetString() == "NA");
        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("code").GetString() == "HN-NEW");
        var conCuong = await app.OrganizationAsync("NA-CC");
        Assert.DoesNotContain(audit.EnumerateArray(), e => e.GetProperty("organizationId").GetString() == conCuong.ToString());
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri("/api/admin/audit", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Audit_entries_are_written_for_actions_and_cannot_be_changed_or_deleted()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Leader);
        await client.SignInAsync(DemoAccounts.Leader, "wrong-password-1");

        await using var db = app.CreateDbContext();
        var actions = await db.AuditEvents.Where(e => e.UserName == DemoAccounts.Leader).Select(e => e.Action).ToListAsync(Cancel);
        Assert.Contains(AuditActions.SignedIn, actions);
        Assert.Contains(AuditActions.SignInFailed, actions);

        var entry = await db.AuditEvents.FirstAsync(Cancel);
        db.Entry(entry).Property(e => e.Action).CurrentValue = "Forged";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.FirstAsync(Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));

        // The log names the person, with the e-mail the entry was written with beside it (#14 item 14).
        var pages = app.Factory.CreateBrowserLikeClient();
        await pages.SignInOrFailAsync(DemoAccounts.Admin);
        var row = (await pages.GetDocumentAsync("/Admin/Audit")).QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(DemoAccounts.Leader, StringComparison.Ordinal));
        Assert.Contains("Đàm Công Lợi", row.TextContent, StringComparison.Ordinal);

        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync(new Uri("/api/admin/audit", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PutAsJsonAsync("/api/admin/audit", new { }, Cancel)).StatusCode);
        var csv = await app.Factory.CreateBrowserLikeClient().GetAsync(new Uri("/Admin/Audit?handler=Export", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_of_an_empty_database_is_created_from_the_command_line()
    {
        app.Require();
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:DirectiveHub"] = database.ConnectionString };
        var output = new StringWriter();

        var exit = await new CliApp(output, new StringWriter(), settings, new StringReader("a-strong-passphrase-2026\n"))
            .RunAsync(["admin", "create", "--email", "root@tinh.vn", "--organization-code", "TN", "--organization-name", "TỈNH ỦY THÁI NGUYÊN", "--kind", "ProvincialCommittee", "--password-stdin"], Cancel);

        Assert.Equal(0, exit);
        Assert.Contains("Administrator root@tinh.vn created for organization TN", output.ToString(), StringComparison.Ordinal);
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        var user = await db.Users.SingleAsync(Cancel);
        Assert.Equal("TỈNH ỦY THÁI NGUYÊN", await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Name).SingleAsync(Cancel));
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == user.Id, Cancel));
    }

    private async Task CreateUserAsync(string email, string organizationCode, string role)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organization = await app.OrganizationAsync(organizationCode);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email, OrganizationId = organization };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
