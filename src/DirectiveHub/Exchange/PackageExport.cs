using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Printing;
using DirectiveHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>
/// A published directive as one exchange package: its header from the directive as issued, its signed record copy and
/// its attachments. Only a clerk of the issuing unit exports, and only what the clerk may see.
/// </summary>
public sealed class PackageExport(AppDbContext db, RecordCopies copies, IFileStore store, TimeProvider clock)
{
    /// <returns>The package, or null when the directive is not the viewer's unit's to send.</returns>
    /// <exception cref="DomainException">The directive is not published, or is confidential.</exception>
    public async Task<ExchangePackage?> BuildAsync(Viewer viewer, Guid directiveId, CancellationToken cancellationToken)
    {
        if (!viewer.IsClerk)
        {
            return null;
        }

        var directive = await db.Directives.AsNoTracking()
            .VisibleTo(db, viewer)
            .Where(d => d.Id == directiveId && d.IssuerId == viewer.OrganizationId)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
            .Include(d => d.Attachments)
            .Include(d => d.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null)
        {
            return null;
        }

        return await BuildAsync(directive, async token =>
        {
            var pdf = await copies.OpenAsync(viewer, directiveId, token)
                ?? throw new InvalidOperationException("The record copy of a visible directive could not be opened.");
            return await ReadAsync(pdf.Content, pdf.FileName, RecordCopy.ContentType, true, token);
        }, cancellationToken);
    }

    /// <summary>
    /// The package the exchange worker pushes to a peer (<see cref="OutgoingPackage"/>): no viewer, since the publish
    /// that queued it decided where it goes; the stored, signed record copy only.
    /// </summary>
    /// <returns>The package, or null when the directive is gone.</returns>
    /// <exception cref="DomainException">The directive is no longer published, or is confidential.</exception>
    public async Task<ExchangePackage?> BuildForPeerAsync(Guid directiveId, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.AsNoTracking()
            .Where(d => d.Id == directiveId)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
            .Include(d => d.Attachments)
            .Include(d => d.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null)
        {
            return null;
        }

        return await BuildAsync(directive, async token =>
        {
            var bytes = await copies.ReadStoredAsync(directiveId, token)
                ?? throw new InvalidOperationException($"The directive {directiveId} has no stored record copy to send.");
            return new ExchangeFile(RecordCopy.FileNameFor(directive.Number!), RecordCopy.ContentType, bytes, EdXml.Sha256Of(bytes), true);
        }, cancellationToken);
    }

    private async Task<ExchangePackage> BuildAsync(Directive directive, Func<CancellationToken, Task<ExchangeFile>> recordCopy, CancellationToken cancellationToken)
    {
        if (directive.Status != DirectiveStatus.Published || directive.Number is null || directive.IssuedOn is null || directive.Sequence is null)
        {
            throw new DomainException("Chỉ văn bản đã ban hành (chưa bị thay thế hay thu hồi) mới gửi liên thông được.");
        }

        // Classified documents travel by the confidential channel, never the ordinary exchange (Luật Bảo vệ bí mật nhà nước).
        if (directive.Confidentiality != Confidentiality.None)
        {
            throw new DomainException("Văn bản mật không gửi qua trục liên thông.");
        }

        var unitIds = directive.Assignments.Select(a => a.OrganizationId)
            .Concat(directive.Tasks.SelectMany(t => t.Coordinators.Select(c => c.OrganizationId)))
            .Concat(directive.Tasks.Where(t => t.LeadOrganizationId != null).Select(t => t.LeadOrganizationId!.Value))
            .Append(directive.IssuerId)
            .Distinct()
            .ToList();
        var units = await db.Organizations.AsNoTracking().Where(o => unitIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.ExchangeCode, o.Name })
            .ToDictionaryAsync(o => o.Id, o => new ExchangeUnit(o.ExchangeCode ?? o.Code, o.Name), cancellationToken);

        var files = new List<ExchangeFile> { await recordCopy(cancellationToken) };
        foreach (var attachment in directive.Attachments.OrderBy(a => a.UploadedAt))
        {
            var stream = await store.OpenAsync(attachment.StorageKey, cancellationToken)
                ?? throw new InvalidOperationException($"The attachment {attachment.Id} is missing from the file store.");
            files.Add(await ReadAsync(stream, attachment.FileName, attachment.ContentType, false, cancellationToken));
        }

        var tasks = directive.Tasks.OrderBy(t => t.Position).Select(t => new ExchangeTask(
            t.Label,
            t.Text,
            t.Deadline,
            t.LeadOrganizationId is { } lead ? units[lead].Code : null,
            t.Coordinators.Select(c => units[c.OrganizationId].Code).ToList())).ToList();
        var issuer = units[directive.IssuerId] with { Name = directive.IssuerName ?? units[directive.IssuerId].Name };
        return new ExchangePackage(
            directive.Id,
            issuer,
            directive.Assignments.OrderBy(a => a.Position).Select(a => units[a.OrganizationId]).ToList(),
            directive.Sequence.Value,
            directive.Number[(directive.Number.IndexOf('-', StringComparison.Ordinal) + 1)..],
            directive.Place,
            directive.IssuedOn.Value,
            directive.DocumentType,
            directive.Subject,
            directive.Preamble,
            directive.Signer,
            directive.Tasks.Where(t => t.Deadline != null).Select(t => t.Deadline).Min(),
            directive.Urgency,
            tasks,
            files,
            clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<ExchangeFile> ReadAsync(Stream content, string name, string contentType, bool isRecordCopy, CancellationToken cancellationToken)
    {
        await using (content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            return new ExchangeFile(name, contentType, bytes, EdXml.Sha256Of(bytes), isRecordCopy);
        }
    }
}
