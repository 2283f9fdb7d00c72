namespace DirectiveHub.Storage;

public enum FileStorageProvider
{
    /// <summary>A folder on this instance's disk (or a shared mount).</summary>
    Local,

    /// <summary>The StoredFiles and StoredFileChunks tables of the app's PostgreSQL database, shared by every instance.</summary>
    Postgres,
}
