using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Signing;

/// <summary>
/// The signatures of a PDF checked against the roots administrators trust at this moment: the one place that loads
/// those roots, for an attachment being uploaded, a directive registered from its PDF, a package arriving and the
/// "Kiểm tra chữ ký số" page.
/// </summary>
public sealed class PdfSignatures(AppDbContext db, TimeProvider clock)
{
    /// <summary>The stored summary's bound (the column's length).</summary>
    public const int MaxSummaryLength = 4000;

    public async Task<IReadOnlyList<SignatureCheck>> CheckAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var roots = (await db.TrustedRoots.AsNoTracking().Select(r => r.RawData).ToListAsync(cancellationToken))
            .Select(X509CertificateLoader.LoadCertificate).ToList();
        try
        {
            return PdfSignatureVerifier.Verify(pdf, roots, clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            roots.ForEach(r => r.Dispose());
        }
    }

    /// <summary>The worst of the signatures: one changed signature makes the file changed, whatever the others say.</summary>
    public static SignatureVerdict VerdictOf(IReadOnlyList<SignatureCheck> checks) =>
        checks.Count == 0 ? SignatureVerdict.None
        : checks.Any(c => !c.Intact || !c.CoversWholeDocument) ? SignatureVerdict.Changed
        : checks.Any(c => c.Expired) ? SignatureVerdict.Expired
        : checks.Any(c => !c.Trusted) ? SignatureVerdict.UnknownIssuer
        : SignatureVerdict.Valid;

    /// <summary>Every line of every signature, as the page shows them, within the stored bound.</summary>
    public static string SummaryOf(IReadOnlyList<SignatureCheck> checks)
    {
        var text = checks.Count == 0 ? PdfSignatureVerifier.NoSignature : string.Join("\n", checks.SelectMany(c => c.Lines));
        return text.Length > MaxSummaryLength ? text[..MaxSummaryLength] : text;
    }

    /// <summary>The short line beside a file; <paramref name="signer"/> is the first signer's name when known.</summary>
    public static string Describe(SignatureVerdict verdict, string? signer) => verdict switch
    {
        SignatureVerdict.Valid => $"Chữ ký số hợp lệ{Of(signer)}.",
        SignatureVerdict.UnknownIssuer => $"Có chữ ký số{Of(signer)}, nhưng chứng thư không do tổ chức được tin cậy cấp.",
        SignatureVerdict.Expired => $"Chữ ký số{Of(signer)} dùng chứng thư đã hết hạn hoặc chưa có hiệu lực khi ký.",
        SignatureVerdict.Changed => "Văn bản đã bị thay đổi sau khi ký, hoặc chữ ký số bị hỏng.",
        _ => PdfSignatureVerifier.NoSignature,
    };

    private static string Of(string? signer) => string.IsNullOrWhiteSpace(signer) ? "" : " của " + signer;
}
