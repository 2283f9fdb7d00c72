using System.Security.Cryptography;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Printing;

/// <summary>
/// Writes the record copy of a directive being published: renders the print layout, has the issuer's certificate sign
/// it when one is configured, stores the bytes. Any failure is a <see cref="DomainException"/> with the reason in
/// Vietnamese, so that the publishing transaction rolls back and the clerk sees why the draft stays a draft.
/// </summary>
public sealed class RecordCopyWriter(Storage.IFileStore store, PdfOptions options, ILogger<RecordCopyWriter> logger, IUnitSignerSource? signers = null)
{
    public async Task<RecordCopy> WriteAsync(Directive directive, Organization issuer, Organization? parent, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var printed = PrintedDirective.From(directive, issuer.Name, parent?.HeaderAbove(issuer, directive.IssuedOn ?? DateOnly.FromDateTime(nowUtc)), issuer.SymbolCode);
        var signer = signers is null ? null : await signers.FindAsync(issuer.Id, nowUtc, cancellationToken);
        byte[] bytes;
        try
        {
            bytes = await RenderAsync(printed, signer, nowUtc, cancellationToken);
        }
        catch (Exception exception) when (exception is not (DomainException or OperationCanceledException))
        {
            logger.LogError(exception, "The record copy of {DirectiveId} could not be written", directive.Id);
            throw new DomainException(signer is null
                ? "Không tạo được bản PDF lưu của văn bản nên chưa ban hành; lỗi đã được ghi vào nhật ký hệ thống."
                : "Không ký số được bản PDF lưu của văn bản nên chưa ban hành; lỗi đã được ghi vào nhật ký hệ thống.");
        }

        using var content = new MemoryStream(bytes, writable: false);
        var key = await store.PutAsync(content, cancellationToken);
        return new RecordCopy(
            directive.Id,
            key,
            RecordCopy.FileNameFor(directive.Number ?? directive.Id.ToString("N")),
            bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            signer?.Certificate.Subject,
            signer?.Certificate.Thumbprint,
            signer is null ? null : nowUtc,
            nowUtc);
    }

    /// <summary>Forgets a copy whose transaction did not commit, so the store keeps no file without a row.</summary>
    // Called from a synchronous catch path; the local store deletes synchronously anyway.
    public void Discard(RecordCopy copy) => store.DeleteAsync(copy.StorageKey, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<byte[]> RenderAsync(PrintedDirective printed, UnitSigner? signer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        PdfFonts.Install(options.FontFolder);
        var (document, placement) = DirectivePdf.Render(printed);
        using (document)
        {
            if (signer is null)
            {
                using var plain = new MemoryStream();
                await document.SaveAsync(plain);
                return plain.ToArray();
            }

            return await PadesSigner.SignAsync(document, placement, signer, nowUtc, cancellationToken);
        }
    }
}
