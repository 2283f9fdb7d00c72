using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Printing;

/// <summary>
/// The PDF of a directive for someone who may see it (<see cref="VisibilityQueries"/>): the stored record copy when the
/// directive was published here; otherwise (a draft, a directive registered from elsewhere or seeded before record
/// copies existed) the print layout rendered now, unsigned.
/// </summary>
public sealed class RecordCopies(AppDbContext db, Storage.IFileStore store, RecordCopyWriter writer, TimeProvider clock)
{
    public async Task<PdfFile?> OpenAsync(Viewer viewer, Guid directiveId, CancellationToken cancellationToken)
    {
        var row = await db.Directives.AsNoTracking()
            .VisibleTo(db, viewer)
            .Where(d => d.Id == directiveId)
            .Select(d => new { d.Number, Copy = db.RecordCopies.FirstOrDefault(c => c.DirectiveId == d.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (row.Copy is { } copy)
        {
            return new PdfFile(await OpenStoredAsync(copy, cancellationToken), copy.FileName, true, copy.Sha256);
        }

        var printed = await PrintedDirective.LoadAsync(db, viewer, directiveId, VietnamTime.Today(clock), cancellationToken);
        if (printed is null)
        {
            return null;
        }

        var bytes = await writer.RenderAsync(printed, null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new PdfFile(new MemoryStream(bytes, writable: false), row.Number is null ? "du-thao.pdf" : RecordCopy.FileNameFor(row.Number), false, null);
    }

    /// <summary>The stored bytes of a record copy (no visibility check: for the outbox and the exchange, which checked).</summary>
    public async Task<byte[]?> ReadStoredAsync(Guid directiveId, CancellationToken cancellationToken)
    {
        var copy = await db.RecordCopies.AsNoTracking().SingleOrDefaultAsync(c => c.DirectiveId == directiveId, cancellationToken);
        if (copy is null)
        {
            return null;
        }

        await using var stream = await OpenStoredAsync(copy, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<Stream> OpenStoredAsync(RecordCopy copy, CancellationToken cancellationToken) =>
        await store.OpenAsync(copy.StorageKey, cancellationToken)
            ?? throw new InvalidOperationException($"The record copy {copy.StorageKey} is missing from the file store (Storage:Provider).");
}
