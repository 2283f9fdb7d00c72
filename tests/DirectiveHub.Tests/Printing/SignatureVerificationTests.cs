using DirectiveHub.Printing;
using DirectiveHub.Signing;

namespace DirectiveHub.Tests.Printing;

public sealed class SignatureVerificationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<byte[]> SignedAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var signer = UnitSigner.FromCertificate(certificate, [], "HUYỆN ỦY QUỐC OAI", null);
        return await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, DateTime.UtcNow, Cancel);
    }

    [Fact]
    public async Task An_intact_signature_from_a_trusted_root_names_the_signer_and_the_time_and_is_valid()
    {
        using var root = TestCertificates.CreateRoot();
        var pdf = await SignedAsync(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"));

        var check = Assert.Single(PdfSignatureVerifier.Verify(pdf, [root], DateTime.UtcNow));

        Assert.True(check.IsValid, string.Join("\n", check.Lines));
        Assert.Equal("Huyện ủy Quốc Oai", check.Signer);
        Assert.Contains("Người ký: Huyện ủy Quốc Oai", check.Lines[0], StringComparison.Ordinal);
        Assert.Contains("Nội dung còn nguyên vẹn từ khi ký.", check.Lines);
        Assert.Contains(check.Lines, l => l.StartsWith("Chứng thư số do tổ chức được tin cậy cấp: DirectiveHub Test Root CA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tampered_unknown_issuer_and_expired_certificates_each_get_their_own_line()
    {
        using var root = TestCertificates.CreateRoot();
        using var other = TestCertificates.CreateRoot("Another Root");
        var pdf = await SignedAsync(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"));

        var unknown = Assert.Single(PdfSignatureVerifier.Verify(pdf, [], DateTime.UtcNow));
        Assert.False(unknown.Trusted);
        Assert.Contains(unknown.Lines, l => l.StartsWith("Không rõ tổ chức cấp chứng thư số (CN=DirectiveHub Test Root CA", StringComparison.Ordinal));
        Assert.False(Assert.Single(PdfSignatureVerifier.Verify(pdf, [other], DateTime.UtcNow)).Trusted);

        var tampered = Assert.Single(PdfSignatureVerifier.Verify(PdfSigningTests.Tamper(pdf), [root], DateTime.UtcNow));
        Assert.False(tampered.Intact);
        Assert.Contains("Văn bản đã bị thay đổi sau khi ký: chữ ký không khớp với nội dung.", tampered.Lines);

        var appended = Assert.Single(PdfSignatureVerifier.Verify([.. pdf, .. "\n% added\n"u8.ToArray()], [root], DateTime.UtcNow));
        Assert.True(appended.Intact);
        Assert.False(appended.CoversWholeDocument);
        Assert.Contains("Phần đã ký còn nguyên vẹn, nhưng tệp có nội dung thêm vào sau khi ký.", appended.Lines);

        var expiredPdf = await SignedAsync(TestCertificates.Issue(root, "Huyện ủy Quốc Oai", DateTimeOffset.UtcNow.AddDays(-300), DateTimeOffset.UtcNow.AddDays(-3)));
        var expired = Assert.Single(PdfSignatureVerifier.Verify(expiredPdf, [root], DateTime.UtcNow));
        Assert.True(expired.Expired);
        Assert.False(expired.IsValid);
        Assert.Contains(expired.Lines, l => l.StartsWith("Chứng thư số đã hết hạn ngày ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_timestamp_the_time_declared_in_the_signature_dictionary_is_shown_as_the_signing_machines()
    {
        using var root = TestCertificates.CreateRoot();
        var pdf = await SignedAsync(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"));

        var check = Assert.Single(PdfSignatureVerifier.Verify(pdf, [root], DateTime.UtcNow));

        Assert.False(check.Timestamped);
        Assert.NotNull(check.SignedAtUtc);
        Assert.InRange(check.SignedAtUtc!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains(check.Lines, l => l.StartsWith("Thời điểm ký: ", StringComparison.Ordinal) && l.Contains("theo khai báo của máy ký", StringComparison.Ordinal));
    }

    [Fact]
    public void A_PDF_without_signatures_has_no_checks()
    {
        Assert.Empty(PdfSignatureVerifier.Verify("%PDF-1.7\n%%EOF\n"u8.ToArray(), [], DateTime.UtcNow));
    }
}
