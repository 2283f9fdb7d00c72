using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Registers;

/// <summary>
/// The leader's instruction on Sài Sơn's task slip for 114-CV/HU, on PostgreSQL: a leader of the commune writes it on
/// the page (too long: refused in place, the text kept, nothing written), the slip prints it above the signatures, a
/// clerk of the commune changes it through the API; the officer, the district above and another branch cannot.
/// </summary>
public sealed class TaskSlipInstructionTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leader_of_the_receiving_unit_writes_the_instruction_which_the_slip_prints_above_the_signatures()
    {
        app.Require();
        var directive = await app.DirectiveAsync("114-CV/HU");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var leaderEmail = $"leader.ss.{tag}@demo.local";
        await app.CreateUserAsync(leaderEmail, "HN-QO-SS", Roles.Leader);
        var leader = app.Factory.CreateBrowserLikeClient();
        await leader.SignInOrFailAsync(leaderEmail);
        var url = $"/Registers/TaskSlip/{directive}";

        var tooLong = new string('x', 2001);
        var refused = await PageClient.ParseAsync(await leader.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Instruction"] = tooLong }, "form.slip-form"));
        Assert.Contains("Ý kiến chỉ đạo không quá 2.000 ký tự.", refused.QuerySelector("form.slip-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.QuerySelector("textarea#Input_Instruction")!.TextContent.Trim());
        Assert.Null(await InstructionAsync(directive, saiSon));

        var text = "Giao đồng chí Phó Bí thư thường trực chủ trì.\r\nBáo cáo kết quả trước ngày 15/11/2021.";
        var saved = await leader.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Instruction"] = "  " + text + "  " }, "form.slip-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var slip = await leader.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Đã lưu ý kiến chỉ đạo.", slip.QuerySelector(".slip-message")!.TextContent.Trim());
        var paragraphs = slip.QuerySelectorAll("section.slip-instruction .slip-instruction-text p").Select(p => p.TextContent).ToList();
        Assert.Equal(["Giao đồng chí Phó Bí thư thường trực chủ trì.", "Báo cáo kết quả trước ngày 15/11/2021."], paragraphs);
        Assert.Contains(leaderEmail, slip.QuerySelector(".slip-instruction-by")!.TextContent, StringComparison.Ordinal);
        // Printed above the signature lines: the instruction's section comes before the signatures in the sheet.
        var sheet = slip.QuerySelector("article.sheet")!.Children.ToList();
        Assert.True(sheet.FindIndex(e => e.ClassList.Contains("slip-instruction")) < sheet.FindIndex(e => e.ClassList.Contains("slip-signatures")));
        Assert.Equal(text.ReplaceLineEndings("\n"), await InstructionAsync(directive, saiSon));
        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.Action == "SlipInstructionRecorded" && e.EntityId == directive.ToString()).Select(e => e.Details).ToListAsync(Cancel));
        var details = JsonDocument.Parse(Assert.Single(audit)!).RootElement;
        Assert.Equal((JsonValueKind.Null, text.ReplaceLineEndings("\n")), (details.GetProperty("Before").ValueKind, details.GetProperty("After").GetString()));

        // The commune's officer reads and prints it but has no form, and a post is refused with nothing written.
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var officersSlip = await officer.GetDocumentAsync(url);
        Assert.Null(officersSlip.QuerySelector("form.slip-form"));
        Assert.Equal(2, officersSlip.QuerySelectorAll(".slip-instruction-text p").Length);

        // Through the API: a clerk of the commune changes it; the officer and the district above get 403, another branch 404.
        var clerkEmail = $"clerk.ss.{tag}@demo.local";
        await app.CreateUserAsync(clerkEmail, "HN-QO-SS", Roles.Clerk);
        var clerk = await app.Factory.ApiClientAsync(clerkEmail);
        var api = $"/api/registers/task-slips/{directive}/instruction";
        var bad = await clerk.PutAsJsonAsync(api, new { instruction = tooLong }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("instruction", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.Factory.ApiClientAsync(DemoAccounts.Officer)).PutAsJsonAsync(api, new { instruction = "Không được" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.Factory.ApiClientAsync(DemoAccounts.Clerk)).PutAsJsonAsync(api, new { instruction = "Không được", organizationId = saiSon }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.Factory.ApiClientAsync("clerk.concuong@demo.local")).PutAsJsonAsync(api, new { instruction = "Không được", organizationId = saiSon }, Cancel)).StatusCode);
        Assert.Equal(text.ReplaceLineEndings("\n"), await InstructionAsync(directive, saiSon));

        var changed = await clerk.PutAsJsonAsync(api, new { instruction = "Giao Văn phòng Đảng ủy tham mưu." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Giao Văn phòng Đảng ủy tham mưu.", body.GetProperty("instruction").GetString());
        Assert.Equal(clerkEmail, body.GetProperty("instructedBy").GetString());
        var read = await (await app.Factory.ApiClientAsync(DemoAccounts.Officer)).GetFromJsonAsync<JsonElement>($"/api/registers/task-slips/{directive}", Cancel);
        Assert.Equal("Giao Văn phòng Đảng ủy tham mưu.", read.GetProperty("instruction").GetString());
        Assert.Equal("ĐẢNG ỦY XÃ SÀI SƠN", read.GetProperty("tasks")[0].GetProperty("lead").GetString());
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "SlipInstructionRecorded" && e.EntityId == directive.ToString(), Cancel)));
    }

    private Task<string?> InstructionAsync(Guid directive, Guid organization) =>
        app.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == directive && a.OrganizationId == organization).Select(a => a.Instruction).SingleAsync(Cancel));
}
