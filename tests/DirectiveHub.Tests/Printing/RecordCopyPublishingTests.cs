using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Signing;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Printing;

public sealed class RecordCopyPublishingTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_stores_a_signed_PDF_that_pdfsig_verifies_and_recipients_download_it_but_another_branch_cannot()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot();
        using var unitCertificate = TestCertificates.Issue(root, "Huyện ủy Quốc Oai");
        await UploadAsync("HN-QO", TestCertificates.Pkcs12(unitCertificate, "mật khẩu p12", root), "mật khẩu p12");

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var id = await DraftAsync(clerk, "tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới");
        var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var number = (await published.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("number").GetString()!;

        var response = await clerk.GetAsync(new Uri($"/api/directives/{id}/pdf", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signer Certificate Common Name: Huyện ủy Quốc Oai", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        var text = DirectivePdfTests.Normalize(await PopplerTools.TextAsync(pdf));
        DirectivePdfTests.AssertInOrder(text, ["HUYỆN ỦY QUỐC OAI", $"Số {number}", "ĐẢNG CỘNG SẢN VIỆT NAM", "V/v tăng cường công tác phòng", "Kính gửi:", "1. Rà soát danh sách", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "Đàm Công Lợi"]);

        var stored = await app.QueryAsync(db => db.RecordCopies.SingleAsync(c => c.DirectiveId == id, Cancel));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), stored.Sha256);
        Assert.Equal(unitCertificate.Thumbprint, stored.CertificateThumbprint);

        // The recipient (Sài Sơn's officer) downloads the same bytes from the inbox's link; the mail carries them.
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var inbox = await officer.GetDocumentAsync($"/Inbox/Directive/{id}");
        Assert.NotNull(inbox.QuerySelector($"a[href='/Directives/Pdf/{id}']"));
        Assert.Equal(pdf, await officer.GetByteArrayAsync(new Uri($"/Directives/Pdf/{id}", UriKind.Relative), Cancel));
        var signatures = await officer.GetDocumentAsync($"/Directives/Signatures/{id}");
        var lines = signatures.QuerySelectorAll("main li").Select(l => l.TextContent).ToList();
        Assert.Contains(lines, l => l.StartsWith("Người ký: Huyện ủy Quốc Oai", StringComparison.Ordinal));
        Assert.Contains("Nội dung còn nguyên vẹn từ khi ký.", lines);
        Assert.Contains(lines, l => l.StartsWith("Không rõ tổ chức cấp chứng thư số", StringComparison.Ordinal));
        var mail = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.To == DemoAccounts.Officer && m.RecordCopyOf == id).CountAsync(Cancel));
        Assert.Equal(1, mail);

        await app.CreateUserAsync("clerk.hadong@demo.local", "HN-HD", Roles.Clerk);
        var stranger = await app.Factory.ApiClientAsync("clerk.hadong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/api/directives/{id}/pdf", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_PDF_that_cannot_be_signed_leaves_the_directive_a_draft_and_the_clerk_reads_why()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot();
        var now = app.Factory.Clock.GetUtcNow();
        using var expiring = TestCertificates.Issue(root, "Huyện ủy Quốc Oai", now.AddDays(-60), now.AddHours(1));
        await UploadAsync("HN-QO", TestCertificates.Pkcs12(expiring, "pw"), "pw");
        app.Factory.Clock.Advance(TimeSpan.FromHours(2));

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var id = await DraftAsync(clerk, "kiểm tra chữ ký số hết hạn");

        await AssertPublishingRefusedAsync(app, clerk, id, "Chứng thư số của đơn vị đã hết hạn");
    }

    /// <summary>
    /// A publication the signing refuses: 409 with the reason from the API, the directive still a draft without a
    /// number or a stored PDF, and the same reason on the publish page the clerk tried.
    /// </summary>
    internal static async Task AssertPublishingRefusedAsync(PostgresAppFixture app, HttpClient clerk, Guid id, string reason)
    {
        var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, published.StatusCode);
        var problem = await published.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var state = await app.QueryAsync(db => db.Directives.Where(d => d.Id == id).Select(d => new { d.Status, d.Number }).SingleAsync(Cancel));
        Assert.Equal(DirectiveHub.Directives.DirectiveStatus.Draft, state.Status);
        Assert.Null(state.Number);
        Assert.False(await app.QueryAsync(db => db.RecordCopies.AnyAsync(c => c.DirectiveId == id, Cancel)));

        var page = app.Factory.CreateBrowserLikeClient();
        await page.SignInOrFailAsync(DemoAccounts.Clerk);
        var answer = await page.SubmitFormAsync($"/Directives/Publish/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var shown = await PageClient.ParseAsync(answer);
        Assert.Contains(reason, shown.QuerySelector(".alert-danger[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    private Task UploadAsync(string organizationCode, byte[] pkcs12, string password) => UploadAsync(app, organizationCode, pkcs12, password);

    private Task<Guid> DraftAsync(HttpClient clerk, string subject) => DraftAsync(app, clerk, subject);

    /// <summary>The unit's signing certificate, stored as an administrator's upload stores it.</summary>
    internal static async Task UploadAsync(PostgresAppFixture app, string organizationCode, byte[] pkcs12, string password)
    {
        var organization = await app.OrganizationAsync(organizationCode);
        using var scope = app.Factory.Services.CreateScope();
        var certificates = scope.ServiceProvider.GetRequiredService<UnitCertificates>();
        await certificates.UploadAsync(organization, pkcs12, password, Guid.Empty, app.Factory.Clock.GetUtcNow().UtcDateTime, Cancel);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Cancel);
    }

    /// <summary>A draft from Quốc Oai to Sài Sơn with one task, through the API as a clerk makes it.</summary>
    internal static async Task<Guid> DraftAsync(PostgresAppFixture app, HttpClient clerk, string subject)
    {
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject,
            recipientOrganizationIds = new[] { saiSon },
            tasks = new object[] { new { text = "Rà soát danh sách người cần tiêm", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            distribution = new[] { new { text = "Ban Thường vụ Huyện ủy", purpose = "để b/c" }, new { text = "VPHU", purpose = "Lưu" } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }
}
