namespace DirectiveHub.Printing;

/// <summary>
/// The record copy (bản lưu) of an issued directive: the PDF written, and signed when the issuer has a certificate, in
/// the publishing transaction. Its bytes never change afterwards; <see cref="Sha256"/> lets anyone check that.
/// </summary>
public sealed class RecordCopy
{
    private RecordCopy()
    {
        StorageKey = null!;
        FileName = null!;
        Sha256 = null!;
    }

    public RecordCopy(Guid directiveId, string storageKey, string fileName, long length, string sha256, string? signedBy, string? certificateThumbprint, DateTime? signedAtUtc, DateTime createdAtUtc)
    {
        DirectiveId = directiveId;
        StorageKey = storageKey;
        FileName = fileName;
        Length = length;
        Sha256 = sha256;
        SignedBy = signedBy;
        CertificateThumbprint = certificateThumbprint;
        SignedAt = signedAtUtc;
        CreatedAt = createdAtUtc;
    }

    public Guid DirectiveId { get; private set; }

    /// <summary>Names the file in the attachment store.</summary>
    public string StorageKey { get; private set; }

    public string FileName { get; private set; }

    public long Length { get; private set; }

    /// <summary>SHA-256 of the stored bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The signing certificate's subject, or null when the issuer had no certificate configured.</summary>
    public string? SignedBy { get; private set; }

    public string? CertificateThumbprint { get; private set; }

    public DateTime? SignedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public const string ContentType = "application/pdf";

    /// <summary>"114-CV/HU" → "114-CV_HU.pdf".</summary>
    public static string FileNameFor(string number) => number.Replace('/', '_') + ".pdf";
}
