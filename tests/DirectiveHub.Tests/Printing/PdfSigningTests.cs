using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DirectiveHub.Printing;

namespace DirectiveHub.Tests.Printing;

public sealed class PdfSigningTests
{
    private static readonly DateTime SignedAt = DateTime.UtcNow;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pdfsig_reports_the_units_signature_valid_and_the_document_unchanged_and_a_tampered_copy_changed()
    {
        using var root = TestCertificates.CreateRoot();
        using var signer = UnitSigner.FromCertificate(TestCertificates.Issue(root, "Huyện ủy Quốc Oai"), [], "HUYỆN ỦY QUỐC OAI", null);

        var pdf = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, SignedAt, Cancel);
        if (Environment.GetEnvironmentVariable("DH_PDF_OUT") is { Length: > 0 } o) { await File.WriteAllBytesAsync(o + ".signed.pdf", pdf, Cancel); }

        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signer Certificate Common Name: Huyện ủy Quốc Oai", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains("Signing Hash Algorithm: SHA-256", report, StringComparison.Ordinal);

        // The signing mark is visible beside the signer's block and its text is part of the page.
        var text = DirectivePdfTests.Normalize(await PopplerTools.TextAsync(pdf));
        Assert.Contains("HUYỆN ỦY QUỐC OAI", text, StringComparison.Ordinal);

        var tampered = Tamper(pdf);
        var (_, changed) = await PopplerTools.SignaturesAsync(tampered);
        Assert.Contains("Signature Validation: Digest Mismatch.", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_signature_made_on_the_signers_device_from_the_hash_alone_is_assembled_into_a_valid_PDF()
    {
        using var root = TestCertificates.CreateRoot();
        using var personal = TestCertificates.Issue(root, "Đàm Công Lợi");
        var device = new DeviceDouble(personal);
        using var signer = RemoteSigning.Signer(device, "HUYỆN ỦY QUỐC OAI");

        var pdf = await DirectivePdfTests.Writer().RenderAsync(DirectivePdfTests.Sample(), signer, SignedAt, Cancel);

        Assert.True(device.Requests > 0);
        Assert.False(signer.Certificate.HasPrivateKey);
        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signer Certificate Common Name: Đàm Công Lợi", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
    }

    /// <summary>Changes one character of the page's text stream area without touching the signature's bytes.</summary>
    internal static byte[] Tamper(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var title = Encoding.ASCII.GetBytes("/Creator");
        var at = copy.AsSpan().IndexOf(title);
        Assert.True(at > 0);
        copy[at + 2] = (byte)'X';
        return copy;
    }

    /// <summary>Stands in for a USB token or remote signing service: holds the key, sees only digests.</summary>
    private sealed class DeviceDouble(X509Certificate2 withKey) : IRemoteHashSigner
    {
        public int Requests { get; private set; }

        public X509Certificate2 Certificate { get; } =
            X509CertificateLoader.LoadCertificate(withKey.RawData);

        public byte[] SignHash(byte[] hash, HashAlgorithmName algorithm)
        {
            Requests++;
            Assert.Equal(32, hash.Length);
            using var key = withKey.GetRSAPrivateKey()!;
            return key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1);
        }
    }
}
