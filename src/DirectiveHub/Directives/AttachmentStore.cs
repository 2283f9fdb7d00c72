using Microsoft.Extensions.Configuration;

namespace DirectiveHub.Directives;

/// <summary>
/// Attachment files on disk, outside the web root (<c>Attachments:Path</c>, by default <c>data/attachments</c> beside
/// the app): only the app serves them, after checking who may see the directive.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes => configuration.GetValue("Attachments:MaxBytes", DefaultMaxBytes);

    private string Root => configuration["Attachments:Path"] is { Length: > 0 } path
        ? path
        : Path.Combine(Data.DataFolder.Default, "attachments");

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public string PathOf(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not an attachment key.", nameof(key));
        }

        return Path.Combine(Root, key[..2], key);
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
