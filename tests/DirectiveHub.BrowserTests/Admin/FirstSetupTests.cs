using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Admin;

/// <summary>The app as deployed: administrators must use two-factor sign-in.</summary>
public sealed class TwoFactorBrowserApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForAdmins"] = "true" };
}

public sealed class FirstSetupTests(TwoFactorBrowserApp app) : IClassFixture<TwoFactorBrowserApp>
{
    private const string Tree = """
        code,name,kind,parentCode,place
        BN,TỈNH ỦY BẮC NINH,ProvincialCommittee,TW,Bắc Ninh
        BN-TS,ĐẢNG ỦY PHƯỜNG TỪ SƠN,CommuneCommittee,BN,Từ Sơn
        BN-TS-CB1,CHI BỘ KHU PHỐ 1,PartyCell,BN-TS,Từ Sơn
        """;

    [Fact]
    public async Task An_admin_enrols_two_factor_loads_a_tree_from_CSV_invites_a_clerk_who_signs_in_with_the_link()
    {
        app.Require();
        var admin = await app.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin);

        // Required of administrators: the first page after signing in is the authenticator set-up.
        await admin.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await admin.AssertAccessibleAsync();
        var key = Totp.DecodeKey(await admin.GetByTestId("shared-key").InnerTextAsync());
        await admin.GetByLabel("Mã xác thực 6 số").FillAsync(Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow())));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await admin.AssertAccessibleAsync();

        await admin.GotoAsync("/Admin/Organizations");
        await admin.GetByText("Nhập", new() { Exact = true }).First.ClickAsync();
        await admin.GetByLabel("Dán nội dung CSV").FillAsync(Tree);
        await admin.Locator("form[action*='handler=Import'] button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã tạo 3 đơn vị.");
        await Assertions.Expect(admin.GetByTestId("tree")).ToContainTextAsync("CHI BỘ KHU PHỐ 1");
        await admin.AssertAccessibleAsync();

        await admin.GotoAsync("/Admin/Users");
        await admin.Locator("#Invite_Email").FillAsync("vanthu.tuson@demo.local");
        await admin.Locator("#Invite_FullName").FillAsync("Nguyễn Thị Văn Thư");
        await admin.Locator("#Invite_OrganizationId").SelectOptionAsync((await app.OrganizationIdAsync("BN-TS")).ToString());
        await admin.Locator("#role-Clerk").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync("vanthu.tuson@demo.local");
        await admin.AssertAccessibleAsync();

        // The link goes out by mail (the outbox) and to the log; the clerk opens it in their own browser.
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, app.ConnectionString);
        var mail = await db.OutboxMessages.SingleAsync(m => m.To == "vanthu.tuson@demo.local", TestContext.Current.CancellationToken);
        var link = mail.Body.Split('\n').Single(l => l.Contains("/Account/SetPassword", StringComparison.Ordinal)).Trim();

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.GotoAsync(new Uri(link).PathAndQuery);
        await clerk.AssertAccessibleAsync();
        await clerk.GetByLabel("Mật khẩu mới").FillAsync("ngon den truoc ngo 2026");
        await clerk.GetByLabel("Nhập lại mật khẩu").FillAsync("ngon den truoc ngo 2026");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu" }).ClickAsync();
        await clerk.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await clerk.SignInAsync("vanthu.tuson@demo.local", "ngon den truoc ngo 2026");
        await clerk.GotoAsync("/Directives");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Văn bản đi");
        await clerk.AssertAccessibleAsync();

        // The administrator's next sign-in asks for a fresh code.
        var again = await app.NewPageAsync(phone: true);
        await again.SignInAsync(DemoAccounts.Admin);
        await again.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
        await again.AssertAccessibleAsync();
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await again.GetByLabel("Mã xác thực 6 số").FillAsync(Totp.Code(key, Totp.StepAt(app.Factory.Clock.GetUtcNow())));
        await again.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).First.ClickAsync();
        await again.GotoAsync("/Admin/Users");
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Người dùng");
    }
}
