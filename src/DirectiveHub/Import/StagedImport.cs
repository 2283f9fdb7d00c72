namespace DirectiveHub.Import;

/// <summary>
/// A file a clerk uploaded to check before registering it: kept so that registering the checked text afterwards still
/// stores the original as the directive's attachment, although the browser does not send the file again.
/// </summary>
public sealed class StagedImport
{
    private StagedImport()
    {
        FileName = null!;
        StorageKey = null!;
    }

    public StagedImport(Guid userId, string fileName, long length, string storageKey, DateTime createdAtUtc)
    {
        UserId = userId;
        FileName = fileName;
        Length = length;
        StorageKey = storageKey;
        CreatedAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Only the clerk who uploaded it may use it.</summary>
    public Guid UserId { get; private set; }

    public string FileName { get; private set; }

    public long Length { get; private set; }

    public string StorageKey { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
