using DirectiveHub.Signing;
using DirectiveHub.Storage;

namespace DirectiveHub.Directives;

/// <summary>
/// A file about to become a directive's attachment: its type read from its content, its size bounded, its name made
/// safe, the bytes stored, and a PDF's signatures checked on arrival so the clerk sees at once who signed it and
/// whether it was changed. The caller adds the attachment and, when its save fails, <see cref="DiscardAsync"/>s it.
/// </summary>
public sealed class AttachmentIntake(IFileStore store, PdfSignatures signatures, TimeProvider clock)
{
    public long MaxBytes => store.MaxBytes;

    /// <exception cref="DomainException">Too large, or a type that is not accepted; the field is "file".</exception>
    public async Task<Attachment> StoreAsync(byte[] content, string? fileName, string fallbackName, CancellationToken cancellationToken)
    {
        if (content.LongLength > store.MaxBytes)
        {
            throw new DomainException($"Tệp quá lớn (tối đa {store.MaxBytes / (1024 * 1024)} MB).", "file");
        }

        using var stream = new MemoryStream(content, writable: false);
        var type = FileTypes.Detect(stream)
            ?? throw new DomainException("Loại tệp không được chấp nhận: chỉ nhận PDF, DOCX, XLSX và ảnh PNG, JPEG, WebP.", "file");
        var name = FileTypes.SafeName(fileName, fallbackName, type);
        var now = clock.GetUtcNow().UtcDateTime;
        var checks = type.ContentType == Printing.RecordCopy.ContentType ? await signatures.CheckAsync(content, cancellationToken) : null;
        var key = await store.PutAsync(stream, cancellationToken);
        var attachment = new Attachment(name, type.ContentType, content.LongLength, key, AttachmentKind.File, null, now);
        if (checks is not null)
        {
            attachment.RecordSignatures(checks, now);
        }

        return attachment;
    }

    public Task DiscardAsync(Attachment attachment) => store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
}
