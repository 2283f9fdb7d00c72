using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using DirectiveHub.Printing;
using DirectiveHub.Signing;
using DirectiveHub.Time;

namespace DirectiveHub.Tests.Printing;

public sealed class TimestampedSigningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The TSA's clock: not the signing machine's, and not on a whole second (genTime carries fractions).</summary>
    private static readonly DateTimeOffset GenTime = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(10), TimeSpan.Zero).AddTicks(1_234_567);

    [Fact]
    public async Task A_PDF_signed_with_a_TSA_carries_its_token_over_the_signature_value_and_the_verifier_and_pdfsig_accept_it()
    {
        using var root = TestCertificates.CreateRoot();
        await using var tsa = await TestTimestampAuthority.StartAsync(root, () => GenTime);
        using var signer = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"), [], "HUYỆN ỦY QUỐC OAI", tsa.ForSigner());

        var pdf = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, DateTime.UtcNow, Cancel);

        Assert.Equal(1, tsa.Requests);
        var signature = CmsOf(pdf).SignerInfos[0];
        var token = TestTimestampAuthority.VerifiedTokenOf(signature);
        Assert.Equal(SHA256.HashData(signature.GetSignature()), token.TokenInfo.GetMessageHash().ToArray());
        Assert.Equal("2.16.840.1.101.3.4.2.1", token.TokenInfo.HashAlgorithmId.Value);
        Assert.Equal(tsa.LastRequest!.GetNonce()!.Value.ToArray(), token.TokenInfo.GetNonce()!.Value.ToArray());
        Assert.Equal(TestTimestampAuthority.Policy, token.TokenInfo.PolicyId.Value);
        Assert.Equal(GenTime, token.TokenInfo.Timestamp);

        var check = Assert.Single(PdfSignatureVerifier.Verify(pdf, [root], DateTime.UtcNow));
        Assert.True(check.IsValid, string.Join("\n", check.Lines));
        Assert.True(check.Timestamped);
        Assert.Equal(GenTime.UtcDateTime, check.SignedAtUtc);
        Assert.Contains($"Thời điểm ký: {VietnamLocal(GenTime)} (giờ Việt Nam), có dấu thời gian.", check.Lines);

        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signer Certificate Common Name: Huyện ủy Quốc Oai", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestTimestampAuthority.Reply.WrongNonce, "không ứng với yêu cầu vừa gửi (số nonce không khớp)")]
    [InlineData(TestTimestampAuthority.Reply.WrongImprint, "cho một nội dung khác (mã băm không khớp với chữ ký)")]
    public async Task A_reply_that_answers_another_request_is_refused_with_the_reason(TestTimestampAuthority.Reply reply, string reason)
    {
        using var root = TestCertificates.CreateRoot();
        await using var tsa = await TestTimestampAuthority.StartAsync(root);
        tsa.Answer = reply;
        using var signer = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"), [], "HUYỆN ỦY QUỐC OAI", tsa.ForSigner());

        var refused = await Assert.ThrowsAsync<DomainException>(() => DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, DateTime.UtcNow, Cancel));

        Assert.Equal($"Máy chủ cấp dấu thời gian ({tsa.Url.Host}) trả về dấu thời gian {reason}, nên không dùng được.", refused.Message);
        Assert.Equal(1, tsa.Requests);
    }

    [Fact]
    public async Task A_TSA_that_never_answers_stops_the_signature_with_a_reason_once_the_timeout_passes()
    {
        using var root = TestCertificates.CreateRoot();
        await using var tsa = await TestTimestampAuthority.StartAsync(root);
        tsa.Answer = TestTimestampAuthority.Reply.Stalled;
        using var signer = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"), [], "HUYỆN ỦY QUỐC OAI", tsa.ForSigner(TimeSpan.FromSeconds(1)));

        // HttpClient's timeout is a TaskCanceledException: not a DomainException, the clerk would get a server error.
        var refused = await Assert.ThrowsAsync<DomainException>(() => DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, DateTime.UtcNow, Cancel));

        Assert.Equal($"Máy chủ cấp dấu thời gian ({tsa.Url.Host}) không trả lời trong 1 giây.", refused.Message);
    }

    [Fact]
    public async Task A_timestamp_moved_from_another_signature_does_not_keep_an_expired_certificate_in_force()
    {
        using var root = TestCertificates.CreateRoot();
        await using var tsa = await TestTimestampAuthority.StartAsync(root, () => DateTimeOffset.UtcNow.AddDays(-10));
        using var current = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"), [], "HUYỆN ỦY QUỐC OAI", tsa.ForSigner());
        var timestamped = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), current, DateTime.UtcNow, Cancel);
        using var lapsed = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai", DateTimeOffset.UtcNow.AddDays(-300), DateTimeOffset.UtcNow.AddDays(-3)), [], "HUYỆN ỦY QUỐC OAI", null);
        var plain = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), lapsed, DateTime.UtcNow, Cancel);

        // The token of a genuine signature, from a trusted TSA, dated while the lapsed certificate was in force: the
        // attribute is unsigned, so adding it breaks nothing the signature covers.
        var cms = CmsOf(plain);
        var token = CmsOf(timestamped).SignerInfos[0].UnsignedAttributes[0].Values[0].RawData;
        cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData("1.2.840.113549.1.9.16.2.14", token));
        var forged = WithCms(plain, cms);

        var check = Assert.Single(PdfSignatureVerifier.Verify(forged, [root], DateTime.UtcNow));
        Assert.True(check.Intact);
        Assert.False(check.Timestamped);
        Assert.True(check.Expired);
        Assert.False(check.IsValid);
        Assert.Contains("Dấu thời gian kèm chữ ký không được cấp cho chữ ký này, nên không được dùng.", check.Lines);
        Assert.Contains(check.Lines, l => l.StartsWith("Chứng thư số đã hết hạn ngày ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timestamp_from_a_TSA_no_trusted_root_vouches_for_gives_the_time_but_does_not_prove_it()
    {
        using var root = TestCertificates.CreateRoot();
        using var elsewhere = TestCertificates.CreateRoot("Somebody's Own TSA Root");
        var stamped = DateTimeOffset.UtcNow.AddDays(-10);
        await using var tsa = await TestTimestampAuthority.StartAsync(elsewhere, () => stamped);
        using var lapsed = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai", DateTimeOffset.UtcNow.AddDays(-300), DateTimeOffset.UtcNow.AddDays(-3)), [], "HUYỆN ỦY QUỐC OAI", tsa.ForSigner());

        var pdf = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), lapsed, DateTime.UtcNow, Cancel);

        TestTimestampAuthority.VerifiedTokenOf(CmsOf(pdf).SignerInfos[0]);
        var check = Assert.Single(PdfSignatureVerifier.Verify(pdf, [root], DateTime.UtcNow));
        Assert.False(check.Timestamped);
        Assert.Equal(stamped.UtcDateTime, check.SignedAtUtc);
        Assert.Contains($"Thời điểm ký: {VietnamLocal(stamped)} (giờ Việt Nam), theo dấu thời gian của DirectiveHub Test TSA, máy chủ không thuộc các chứng thư gốc được tin cậy.", check.Lines);
        Assert.True(check.Expired);
        Assert.False(check.IsValid);

        // Once its root is trusted, the same token proves the signature was made while the certificate was in force.
        var trusted = Assert.Single(PdfSignatureVerifier.Verify(pdf, [root, elsewhere], DateTime.UtcNow));
        Assert.True(trusted.Timestamped);
        Assert.False(trusted.Expired);
        Assert.True(trusted.IsValid, string.Join("\n", trusted.Lines));
    }

    private static string VietnamLocal(DateTimeOffset instant) =>
        VietnamTime.ToVietnam(instant.UtcDateTime).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The CMS of the PDF's last signature, framed by its /ByteRange as a reader finds it.</summary>
    internal static SignedCms CmsOf(byte[] pdf)
    {
        var (range, der) = Contents(pdf);
        var content = new byte[range[1] + range[3]];
        Array.Copy(pdf, 0, content, 0, range[1]);
        Array.Copy(pdf, range[2], content, range[1], range[3]);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(der);
        return cms;
    }

    /// <summary>The PDF with <paramref name="cms"/> written into the last signature's /Contents: the signed bytes untouched.</summary>
    internal static byte[] WithCms(byte[] pdf, SignedCms cms)
    {
        var (range, _) = Contents(pdf);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms.Encode()));
        var room = (int)(range[2] - range[1] - 2);
        Assert.True(hex.Length <= room);
        var copy = (byte[])pdf.Clone();
        copy.AsSpan((int)range[1] + 1, room).Fill((byte)'0');
        hex.CopyTo(copy, range[1] + 1);
        return copy;
    }

    private static (long[] Range, byte[] Der) Contents(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf("/ByteRange"u8);
        var open = Array.IndexOf(pdf, (byte)'[', at);
        var close = Array.IndexOf(pdf, (byte)']', open);
        var range = Encoding.ASCII.GetString(pdf, open + 1, close - open - 1)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => long.Parse(n, CultureInfo.InvariantCulture))
            .ToArray();
        var hex = Encoding.ASCII.GetString(pdf, (int)range[1] + 1, (int)(range[2] - range[1] - 2));
        var padded = Convert.FromHexString(hex);
        AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
        return (range, padded[..length]);
    }
}
