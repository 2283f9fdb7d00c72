using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Text;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Import;

/// <summary>
/// Registers a directive received as text (văn bản đến) as a published directive of its issuer, with its original
/// number and date, addressed to the receiving unit: local directives can then reference and carry it out. When it
/// was read from a file (a PDF, a scan, a .docx), that file is kept as the directive's attachment, a PDF with the
/// verdict on its signatures.
/// </summary>
public sealed class IncomingRegistration(AppDbContext db, AttachmentIntake intake, TimeProvider clock)
{
    /// <summary>The file the text was read from.</summary>
    public sealed record SourceFile(string? FileName, byte[] Content);

    public async Task<Directive> RegisterAsync(ParsedDirective parsed, SourceFile? source, Guid receivingOrganizationId, Actor actor, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        if (parsed.Number is null || parsed.Sequence is null)
        {
            missing.Add("số và ký hiệu");
        }

        if (parsed.IssuedOn is null)
        {
            missing.Add("ngày ban hành");
        }

        if (parsed.Issuer is null)
        {
            missing.Add("cơ quan ban hành");
        }

        if (string.IsNullOrWhiteSpace(parsed.Subject))
        {
            missing.Add("trích yếu");
        }

        if (!DocumentType.IsKnown(parsed.DocumentType))
        {
            missing.Add("loại văn bản của Đảng");
        }

        if (missing.Count > 0)
        {
            throw new DomainException("Chưa đăng ký được: văn bản thiếu " + string.Join(", ", missing) + ".");
        }

        // The arrival register is opened outside the transaction: a concurrent opener's unique conflict must not abort it.
        await ArrivalNumbering.EnsureAsync(db, [receivingOrganizationId], ArrivalNumbering.YearOf(clock.GetUtcNow().UtcDateTime), cancellationToken);

        // The file is stored before the transaction (a store is not transactional) and removed when registering fails.
        var original = source is null ? null : await intake.StoreAsync(source.Content, source.FileName, "van-ban-den", cancellationToken);
        try
        {
            return await db.InTransactionAsync(token => RegisterOnceAsync(parsed, original, receivingOrganizationId, actor, token), cancellationToken);
        }
        catch when (original is not null)
        {
            await intake.DiscardAsync(original);
            throw;
        }
    }

    private async Task<Directive> RegisterOnceAsync(ParsedDirective parsed, Attachment? original, Guid receivingOrganizationId, Actor actor, CancellationToken cancellationToken)
    {
        var receiver = await db.Organizations.SingleAsync(o => o.Id == receivingOrganizationId, cancellationToken);
        var (issuer, parent) = await FindOrCreateIssuerAsync(parsed, cancellationToken);

        if (await db.Directives.AnyAsync(d => d.IssuerId == issuer.Id && d.Number == parsed.Number, cancellationToken))
        {
            throw new DomainException($"Văn bản số {parsed.Number} của {issuer.Name} đã có trong hệ thống.");
        }

        // A unit kept in this system issues here, with its own numbers: a text may be registered in its name only by
        // a unit beneath it (văn bản của cấp trên), never by itself or a neighbour, who could otherwise put documents,
        // and numbers, in its register. Issuers from outside the system are recorded as external units.
        if (!IsExternal(issuer) && issuer.Id == receiver.Id)
        {
            throw new DomainException($"Văn bản của chính {receiver.Name} được soạn và ban hành trên hệ thống, không đăng ký như văn bản đến.");
        }

        if (!IsExternal(issuer) && !receiver.IsWithin(issuer.Path))
        {
            throw new DomainException($"{issuer.Name} là đơn vị trên hệ thống nhưng không phải cấp trên của {receiver.Name}: văn bản của đơn vị này đến qua hệ thống khi được ban hành, không đăng ký lại bằng văn bản nhập.");
        }

        var issuedOn = parsed.IssuedOn!.Value;
        var register = await db.NumberRegisters
            .Where(r => r.IssuerId == issuer.Id && r.DocumentType == parsed.DocumentType && !r.IsConfidential
                && r.PeriodStart <= issuedOn && (r.PeriodEnd == null || r.PeriodEnd >= issuedOn))
            .OrderByDescending(r => r.PeriodStart)
            .FirstOrDefaultAsync(cancellationToken);
        if (register is null)
        {
            register = NumberRegister.ForYear(issuer.Id, parsed.DocumentType!, false, issuedOn.Year);
            db.NumberRegisters.Add(register);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var content = ParsedDirectiveContent.ToContent(parsed, _ => null, [new RecipientContent(receiver.Id, receiver.Name)]);
        var directive = new Directive(issuer.Id, content, actor.UserId, now);
        if (original is not null)
        {
            directive.AddAttachment(original);
        }

        directive.RegisterIssued(register, parsed.Sequence!.Value, issuer, parent, issuedOn, actor.UserId, now);
        db.Directives.Add(directive);
        db.AuditEvents.Add(new AuditEvent(AuditActions.Received, nameof(Directive), directive.Id.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(new { directive.Number, Issuer = issuer.Name, Original = original?.FileName, Signatures = original?.SignatureVerdict }), now));

        // Registering it as received is its arrival at the unit: it takes the next arrival number, in the same
        // transaction as the directive, with the register locked as a publication locks it.
        await ArrivalNumbering.AssignAsync(db, directive.Assignments, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return directive;
    }

    private const string ExternalCodePrefix = "IMP-";

    /// <summary>An issuer recorded from a received text: nobody publishes in its name here.</summary>
    private static bool IsExternal(Organization organization) => organization.Code.StartsWith(ExternalCodePrefix, StringComparison.Ordinal);

    private async Task<(Organization Issuer, Organization? Parent)> FindOrCreateIssuerAsync(ParsedDirective parsed, CancellationToken cancellationToken)
    {
        var issuerName = VietnameseText.Fold(parsed.Issuer);
        var parentName = VietnameseText.Fold(parsed.ParentBody);
        // A province holds a few hundred units: matching names folded in memory is cheap, and only registration does it.
        var all = await db.Organizations.Include(o => o.Parent).ToListAsync(cancellationToken);
        var candidates = all.Where(o => VietnameseText.Fold(o.Name) == issuerName).ToList();
        var issuer = candidates
            .OrderByDescending(o => o.SymbolCode == parsed.IssuerCode)
            .ThenByDescending(o => o.Parent is { } p && (VietnameseText.Fold(p.Name) == parentName || VietnameseText.Fold(p.PartyBodyName) == parentName))
            .ThenBy(o => o.IsDissolved)
            .FirstOrDefault();
        if (issuer is not null)
        {
            return (issuer, issuer.Parent);
        }

        var parent = parentName.Length == 0
            ? null
            : all.Where(o => !o.IsDissolved).FirstOrDefault(o => VietnameseText.Fold(o.Name) == parentName || VietnameseText.Fold(o.PartyBodyName) == parentName);
        var created = new Organization(
            ExternalCodePrefix + Guid.CreateVersion7().ToString("N")[^8..].ToUpperInvariant(),
            parsed.Issuer!,
            OrganizationKinds.FromName(parsed.Issuer!),
            parsed.IssuerCode ?? "?",
            parsed.Place,
            parent,
            new DateOnly(parsed.IssuedOn!.Value.Year, 1, 1));
        db.Organizations.Add(created);
        return (created, parent);
    }
}
