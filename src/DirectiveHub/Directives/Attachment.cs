using DirectiveHub.Signing;

namespace DirectiveHub.Directives;

/// <summary>A file stored outside the web root; <see cref="StorageKey"/> names it in the attachment store.</summary>
public sealed class Attachment
{
    private Attachment()
    {
        FileName = null!;
        ContentType = null!;
        StorageKey = null!;
    }

    public Attachment(string fileName, string contentType, long length, string storageKey, AttachmentKind kind, string? copyNumber, DateTime uploadedAtUtc)
    {
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        StorageKey = storageKey;
        Kind = kind;
        CopyNumber = copyNumber;
        UploadedAt = uploadedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string StorageKey { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string? CopyNumber { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>What the PDF's signatures said when it came in; null for a file that is not a PDF.</summary>
    public SignatureVerdict? SignatureVerdict { get; private set; }

    /// <summary>The first signer's name (the certificate's), shown beside the file.</summary>
    public string? SignedBy { get; private set; }

    /// <summary>Every line of the check, as the "Kiểm tra chữ ký số" page shows them.</summary>
    public string? SignatureSummary { get; private set; }

    public DateTime? SignatureCheckedAt { get; private set; }

    /// <summary>A verdict ages with the trusted roots and the clock: the page says when it was reached and can check again.</summary>
    public void RecordSignatures(IReadOnlyList<SignatureCheck> checks, DateTime checkedAtUtc)
    {
        SignatureVerdict = PdfSignatures.VerdictOf(checks);
        var signer = checks.Select(c => c.Signer).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        SignedBy = signer is null ? null : signer[..Math.Min(signer.Length, MaxSignerLength)];
        SignatureSummary = PdfSignatures.SummaryOf(checks);
        SignatureCheckedAt = checkedAtUtc;
    }

    public const int MaxSignerLength = 256;
}
