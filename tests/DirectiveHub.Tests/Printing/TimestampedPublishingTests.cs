using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Directives;
using DirectiveHub.Seeding;
using DirectiveHub.Signing;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Printing;

public sealed class TimestampedPublishingTests(TimestampingAppFixture app) : IClassFixture<TimestampingAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestTimestampAuthority Tsa => app.Tsa;

    [Fact]
    public async Task Publishing_with_a_TSA_stores_a_record_copy_stamped_at_the_TSAs_time_which_pdfsig_and_the_signatures_page_accept()
    {
        app.Require();
        Tsa.Answer = TestTimestampAuthority.Reply.Granted;
        await UploadUnitCertificateAsync();
        await TrustAsync(app.Root);
        var requests = Tsa.Requests;

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var id = await RecordCopyPublishingTests.DraftAsync(app, clerk, "kiểm tra dấu thời gian của chữ ký số");
        var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        Assert.Equal(requests + 1, Tsa.Requests);
        var pdf = await clerk.GetByteArrayAsync(new Uri($"/api/directives/{id}/pdf", UriKind.Relative), Cancel);
        var signature = TimestampedSigningTests.CmsOf(pdf).SignerInfos[0];
        var token = TestTimestampAuthority.VerifiedTokenOf(signature);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(signature.GetSignature()), token.TokenInfo.GetMessageHash().ToArray());
        Assert.Equal(Tsa.LastGenTime, token.TokenInfo.Timestamp);
        Assert.Equal(app.Factory.Clock.GetUtcNow(), token.TokenInfo.Timestamp);

        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);

        var page = app.Factory.CreateBrowserLikeClient();
        await page.SignInOrFailAsync(DemoAccounts.Clerk);
        var signatures = await page.GetDocumentAsync($"/Directives/Signatures/{id}");
        var lines = signatures.QuerySelectorAll("main li").Select(l => l.TextContent.Trim()).ToList();
        var stamped = VietnamTime.ToVietnam(token.TokenInfo.Timestamp.UtcDateTime).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Contains($"Thời điểm ký: {stamped} (giờ Việt Nam), có dấu thời gian.", lines);
        Assert.Contains("Nội dung còn nguyên vẹn từ khi ký.", lines);
        Assert.Contains(lines, l => l.StartsWith("Chứng thư số do tổ chức được tin cậy cấp: DirectiveHub Test TSA Root", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestTimestampAuthority.Reply.ServerError, "Máy chủ cấp dấu thời gian (127.0.0.1) trả lỗi 500.")]
    [InlineData(TestTimestampAuthority.Reply.Rejected, "Máy chủ cấp dấu thời gian (127.0.0.1) từ chối cấp dấu thời gian (trạng thái 2: refused by the test TSA).")]
    [InlineData(TestTimestampAuthority.Reply.Stalled, "Máy chủ cấp dấu thời gian (127.0.0.1) không trả lời trong 3 giây.")]
    [InlineData(TestTimestampAuthority.Reply.WrongNonce, "số nonce không khớp")]
    public async Task A_TSA_that_fails_leaves_the_directive_a_draft_and_the_clerk_reads_why(TestTimestampAuthority.Reply reply, string reason)
    {
        app.Require();
        Tsa.Answer = reply;
        try
        {
            await AssertPublishingRefusedAsync(reason);
        }
        finally
        {
            Tsa.Answer = TestTimestampAuthority.Reply.Granted;
        }
    }

    [Fact]
    public async Task An_unreachable_TSA_leaves_the_directive_a_draft_and_the_clerk_reads_why()
    {
        app.Require();
        Tsa.Answer = TestTimestampAuthority.Reply.Granted;
        await using (await Tsa.GoOfflineAsync())
        {
            await AssertPublishingRefusedAsync("Không kết nối được máy chủ cấp dấu thời gian (127.0.0.1)");
        }
    }

    /// <summary>As an expired certificate is (RecordCopyPublishingTests): 409 with the reason, nothing published, the page says it.</summary>
    private async Task AssertPublishingRefusedAsync(string reason)
    {
        await UploadUnitCertificateAsync();
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var id = await RecordCopyPublishingTests.DraftAsync(app, clerk, "kiểm tra máy chủ cấp dấu thời gian bị lỗi");

        await RecordCopyPublishingTests.AssertPublishingRefusedAsync(app, clerk, id, reason);
    }

    private async Task UploadUnitCertificateAsync()
    {
        var now = app.Factory.Clock.GetUtcNow();
        using var unit = TestCertificates.Issue(app.Root, "Huyện ủy Quốc Oai", now.AddDays(-60), now.AddYears(1));
        await RecordCopyPublishingTests.UploadAsync(app, "HN-QO", TestCertificates.Pkcs12(unit, "pw", app.Root), "pw");
    }

    private async Task TrustAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 root)
    {
        await using var db = app.CreateDbContext();
        if (!await db.TrustedRoots.AnyAsync(r => r.Thumbprint == root.Thumbprint, Cancel))
        {
            db.TrustedRoots.Add(new TrustedRoot(root.RawData, root.Subject, root.Thumbprint, root.NotAfter.ToUniversalTime(), Guid.Empty, app.Factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(Cancel);
        }
    }
}
