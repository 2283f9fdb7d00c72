namespace DirectiveHub.Assignments;

/// <summary>A file attached to a progress report as evidence (minutes, photos, a report), stored like directive attachments.</summary>
public sealed class ReportEvidence
{
    private ReportEvidence()
    {
        FileName = null!;
        ContentType = null!;
        StorageKey = null!;
    }

    public ReportEvidence(Guid progressReportId, string fileName, string contentType, long length, string storageKey, DateTime uploadedAtUtc)
    {
        ProgressReportId = progressReportId;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        StorageKey = storageKey;
        UploadedAt = uploadedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProgressReportId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string StorageKey { get; private set; }

    public DateTime UploadedAt { get; private set; }
}
