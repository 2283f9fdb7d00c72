namespace DirectiveHub.Storage;

/// <summary>One piece of a <see cref="StoredFile"/> (at most <c>Storage:ChunkBytes</c>), numbered from 0.</summary>
public sealed class StoredFileChunk
{
    private StoredFileChunk()
    {
    }

    public string FileKey { get; private set; } = string.Empty;

    public int Index { get; private set; }

    public byte[] Data { get; private set; } = [];
}
