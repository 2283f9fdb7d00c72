using DirectiveHub.Data;
using Microsoft.Extensions.Configuration;

namespace DirectiveHub.Storage;

/// <summary><c>Storage:Provider</c> (<c>Local</c> or <c>Postgres</c>), the folder for <c>Local</c> and the size bounds.</summary>
public sealed class FileStorageOptions
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public const int DefaultChunkBytes = 1024 * 1024;

    public FileStorageProvider Provider { get; init; } = FileStorageProvider.Local;

    /// <summary>The folder of the local store, outside the web root: by default <c>data/attachments</c> beside the app.</summary>
    public string LocalPath { get; init; } = Path.Combine(DataFolder.Default, "attachments");

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The PostgreSQL store writes and reads files in rows of this size, so no file is ever held whole in memory.</summary>
    public int ChunkBytes { get; init; } = DefaultChunkBytes;

    public static FileStorageOptions Read(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] is { Length: > 0 } value
            ? Enum.Parse<FileStorageProvider>(value, ignoreCase: true)
            : FileStorageProvider.Local;
        if (provider == FileStorageProvider.Postgres && DatabaseSetup.ReadProvider(configuration) != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Storage:Provider Postgres needs Database:Provider Postgres.");
        }

        var chunk = configuration.GetValue("Storage:ChunkBytes", DefaultChunkBytes);
        return new FileStorageOptions
        {
            Provider = provider,
            LocalPath = configuration["Attachments:Path"] is { Length: > 0 } path ? path : Path.Combine(DataFolder.Default, "attachments"),
            MaxBytes = configuration.GetValue("Attachments:MaxBytes", DefaultMaxBytes),
            ChunkBytes = Math.Clamp(chunk, 64 * 1024, 8 * 1024 * 1024),
        };
    }
}
