namespace DirectiveHub.Storage;

/// <summary>
/// A file of the PostgreSQL store; its bytes are in <see cref="StoredFileChunk"/> rows. The store writes these rows with
/// its own SQL; the model holds them so that migrations create the tables on both providers.
/// </summary>
public sealed class StoredFile
{
    private StoredFile()
    {
    }

    public string Key { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
