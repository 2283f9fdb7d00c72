using System.Net;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Admin;

public sealed class UserAdministrationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_clerk_sets_a_password_with_the_one_time_link_and_signs_in()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");

        var invited = await admin.SubmitFormAsync("/Admin/Users", new Dictionary<string, string>
        {
            ["Invite.Email"] = "vanthu.ngoclieP@demo.local",
            ["Invite.FullName"] = "Nguyễn Văn Thư",
            ["Invite.OrganizationId"] = ngocLiep.ToString(),
            ["Invite.Roles"] = "Clerk",
        }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "vanthu.ngoclieP@demo.local", Cancel));
        var link = mail.Body.Split('\n').Single(l => l.Contains("/Account/SetPassword", StringComparison.Ordinal)).Trim();
        var relative = new Uri(link).PathAndQuery;
        var newcomer = app.Factory.CreateBrowserLikeClient();
        var set = await newcomer.SubmitFormAsync(relative, new Dictionary<string, string> { ["Password"] = "mot cum tu de nho 2026", ["Confirm"] = "mot cum tu de nho 2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        await newcomer.SignInOrFailAsync("vanthu.ngoclieP@demo.local", "mot cum tu de nho 2026");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(new Uri("/Directives", UriKind.Relative), Cancel)).StatusCode);

        var reused = await app.Factory.CreateBrowserLikeClient().SubmitFormAsync(relative, new Dictionary<string, string> { ["Password"] = "mot cum tu khac 2026", ["Confirm"] = "mot cum tu khac 2026" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("không hợp lệ", (await PageClient.ParseAsync(reused)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_an_admin_cannot_manage_another_branch()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var target = await app.QueryAsync(db => db.Users.Where(u => u.Email == "officer.mttqquocoai@demo.local").Select(u => u.Id).SingleAsync(Cancel));

        var page = await admin.GetDocumentAsync("/Admin/Users");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var deactivate = await admin.PostAsync(new Uri($"/Admin/Users?handler=Deactivate&id={target}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);

        var response = await app.Factory.CreateBrowserLikeClient().SignInAsync("officer.mttqquocoai@demo.local");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(response)).QuerySelector(".alert-danger"));

        // An administrator of Hà Nội does not reach a user of Nghệ An: 404, and the user stays unlocked.
        await app.CreateUserAsync("admin.hn@demo.local", "HN", "Admin");

        var hanoi = app.Factory.CreateBrowserLikeClient();
        await hanoi.SignInOrFailAsync("admin.hn@demo.local");
        var conCuongClerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk.concuong@demo.local").Select(u => u.Id).SingleAsync(Cancel));
        var list = await hanoi.GetDocumentAsync("/Admin/Users");
        Assert.DoesNotContain("clerk.concuong@demo.local", list.Body!.TextContent, StringComparison.Ordinal);
        var hanoiToken = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var lockOther = await hanoi.PostAsync(new Uri($"/Admin/Users?handler=Lock&id={conCuongClerk}&locked=true", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = hanoiToken }), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, lockOther.StatusCode);
        Assert.Null(await app.QueryAsync(db => db.Users.Where(u => u.Id == conCuongClerk).Select(u => u.LockoutEnd).SingleAsync(Cancel)));

        // Within its own tree the lock says what it did, and unlocking says so too.
        var haiHau = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk.haihau@demo.local").Select(u => u.Id).SingleAsync(Cancel));
        var lockToken = (await admin.GetDocumentAsync("/Admin/Users")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (locked, said) in new[] { (true, "Đã khóa tài khoản clerk.haihau@demo.local"), (false, "Đã mở khóa tài khoản clerk.haihau@demo.local") })
        {
            var posted = await admin.PostAsync(new Uri($"/Admin/Users?handler=Lock&id={haiHau}&locked={locked}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = lockToken }), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var after = await admin.GetDocumentAsync(posted.Headers.Location!.OriginalString);
            Assert.Contains(said, after.QuerySelector(".alert-success")?.TextContent, StringComparison.Ordinal);
        }
    }
}
