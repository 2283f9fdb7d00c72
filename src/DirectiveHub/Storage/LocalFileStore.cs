namespace DirectiveHub.Storage;

/// <summary>Files in a folder (<c>Attachments:Path</c>), two hex digits of fan-out: the layout earlier versions wrote.</summary>
public sealed class LocalFileStore(FileStorageOptions options) : IFileStore
{
    public long MaxBytes => options.MaxBytes;

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = FileKey.New();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await CopyBoundedAsync(content, file, options.MaxBytes, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(options.LocalPath, FileKey.Require(key)[..2], key);

    internal static async Task CopyBoundedAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InvalidOperationException($"The file is larger than {maxBytes} bytes.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
