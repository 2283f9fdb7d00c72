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
}
