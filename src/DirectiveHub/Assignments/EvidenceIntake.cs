using DirectiveHub.Directives;
using DirectiveHub.Storage;

namespace DirectiveHub.Assignments;

/// <summary>
/// Evidence files of a report, checked and stored before the report is saved: the inbox page and the API both take
/// uploads through here. A file refused (too large, a type not accepted) is a <see cref="DomainException"/> on
/// "evidence"; files already stored for the same report are the caller's to <see cref="DiscardAsync"/>.
/// </summary>
public sealed class EvidenceIntake(IFileStore store)
{
    public const int MaxFiles = 5;

    public long MaxBytes => store.MaxBytes;

    public async Task<EvidenceFile> StoreAsync(Stream upload, long length, string? fileName, CancellationToken cancellationToken)
    {
        if (length > store.MaxBytes)
        {
            throw new DomainException($"Tệp quá lớn (tối đa {store.MaxBytes / (1024 * 1024)} MB).", "evidence");
        }

        await using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        var type = FileTypes.Detect(content) ?? throw new DomainException("Loại tệp không được chấp nhận: chỉ nhận PDF, DOCX, XLSX và ảnh PNG, JPEG, WebP.", "evidence");
        var name = FileTypes.SafeName(fileName, "minh-chung", type);
        return new EvidenceFile(name, type.ContentType, content.Length, await store.PutAsync(content, cancellationToken));
    }

    public async Task DiscardAsync(IEnumerable<EvidenceFile> files)
    {
        foreach (var file in files)
        {
            await store.DeleteAsync(file.StorageKey, CancellationToken.None);
        }
    }
}
