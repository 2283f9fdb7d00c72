using System.Net;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Admin;

public sealed class RegisterTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_number_can_move_forward_for_a_mid_term_start_but_never_back_to_an_issued_one()
    {
        app.Require();
        var register = await app.QueryAsync(db => db.NumberRegisters.Where(r => r.LastIssued == 114).Select(r => r.Id).SingleAsync(Cancel));
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);

        // A term still running reads as open, not as a range with an empty end ("01/10/2025–—").
        var list = (await admin.GetDocumentAsync("/Admin/Registers")).Body!.TextContent;
        Assert.Contains("Theo nhiệm kỳ từ 01/10/2025, đang mở", list, StringComparison.Ordinal);
        Assert.DoesNotContain("–—", list, StringComparison.Ordinal);

        var refused = await admin.SubmitFormAsync("/Admin/Registers", new Dictionary<string, string> { ["next"] = "100" }, $"form[action*='{register}']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("đã được cấp", (await PageClient.ParseAsync(refused)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(115, await app.QueryAsync(db => db.NumberRegisters.Where(r => r.Id == register).Select(r => r.NextSequence).SingleAsync(Cancel)));

        var accepted = await admin.SubmitFormAsync("/Admin/Registers", new Dictionary<string, string> { ["next"] = "130" }, $"form[action*='{register}']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(130, await app.QueryAsync(db => db.NumberRegisters.Where(r => r.Id == register).Select(r => r.NextSequence).SingleAsync(Cancel)));
        Assert.True(await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "NumberRegister" && e.EntityId == register.ToString(), Cancel)));

        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        var forbidden = await clerk.GetAsync(new Uri("/Admin/Registers", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("AccessDenied", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
