using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Signing;
using DirectiveHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// Turns a received package into a received directive (văn bản đến) of its issuer, addressed to the receiving units
/// here, with its files; the issuer is the unit holding its exchange code, or an external unit recorded under it. The
/// same package again returns the directive made the first time; another document under the same issuer, number and
/// date is refused. Arrival is reported at once: status 01 goes into the outbox in the same transaction.
/// </summary>
public sealed class PackageImport(AppDbContext db, IFileStore store, ExchangeOptions options, StatusEmitter emitter, PdfSignatures pdfSignatures, TimeProvider clock, ILogger<PackageImport> logger)
{
    /// <exception cref="DomainException">The package breaks a rule; <see cref="DomainException.Field"/> names the field.</exception>
    /// <exception cref="DuplicatePackageException">Another document with this issuer, number and date was received.</exception>
    public async Task<PackageImportResult> ImportAsync(byte[] body, ExchangeCaller caller, CancellationToken cancellationToken)
    {
        if (body.LongLength > options.MaxPackageBytes)
        {
            throw new DomainException($"Gói tin vượt quá {options.MaxPackageBytes / (1024 * 1024)} MB.", "body");
        }

        XmlPackage parsed;
        using (var stream = new MemoryStream(body, writable: false))
        {
            var document = EdXml.Load(stream, options.MaxPackageBytes);
            parsed = new XmlPackage(EdXml.ReadPackage(document, options), EdXml.Sha256Of(body));
        }

        var package = parsed.Package;
        if (caller.Peer is { } peer && !peer.Carries(package.From.Code))
        {
            throw new ExchangeForbiddenException($"Đối tác {peer.Code} không được gửi văn bản thay đơn vị {package.From.Code}.", "From.OrganId");
        }

        if (await FindEarlierAsync(package, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var typePart = package.CodeNotation.Split('/', 2);
        if (!string.Equals(typePart[0], package.DocumentType, StringComparison.Ordinal) || typePart[1].Length == 0)
        {
            throw new DomainException($"Ký hiệu \"{package.CodeNotation}\" không khớp loại văn bản {package.DocumentType}.", "Code.CodeNotation");
        }

        var codes = package.To.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
        var receivers = await FindReceiversAsync(codes, cancellationToken);
        if (receivers.Count == 0)
        {
            throw new DomainException("Không đơn vị nhận nào (To) có mã liên thông ở hệ thống này.", "To");
        }

        if (!receivers.Any(r => caller.MayActFor(r.Id, r.Path)))
        {
            throw new ExchangeForbiddenException("Gói tin không gửi đến đơn vị bạn được tiếp nhận văn bản thay.", "To");
        }

        // Opening a unit's arrival register saves on its own: outside the transaction, before anything is tracked.
        var now = clock.GetUtcNow().UtcDateTime;
        await ArrivalNumbering.EnsureAsync(db, receivers.Select(r => r.Id), ArrivalNumbering.YearOf(now), cancellationToken);
        db.ChangeTracker.Clear();

        // Files go to the store once, before the transaction (which may run again on a transient failure and reuses
        // them); they are removed if the import does not commit.
        var files = new List<(ExchangeFile File, string ContentType, string Key)>();
        string? signatures = null;
        try
        {
            foreach (var (file, i) in package.Files.Select((f, i) => (f, i)))
            {
                var field = $"edXMLManifest.Reference[{i}]";
                if (file.Content.LongLength > store.MaxBytes)
                {
                    throw new DomainException($"Tệp \"{file.Name}\" vượt quá {store.MaxBytes / (1024 * 1024)} MB.", field);
                }

                using var content = new MemoryStream(file.Content, writable: false);
                var detected = FileTypes.Detect(content)
                    ?? throw new DomainException($"Tệp \"{file.Name}\" không thuộc loại được nhận (PDF, DOCX, XLSX, ảnh).", field + ".ContentType");
                files.Add((file, detected.ContentType, await store.PutAsync(content, cancellationToken)));
                if (file.IsRecordCopy && detected.ContentType == Printing.RecordCopy.ContentType)
                {
                    signatures = PdfSignatures.SummaryOf(await pdfSignatures.CheckAsync(file.Content, cancellationToken));
                }
            }

            var result = await db.InTransactionAsync(token => ImportOnceAsync(package, parsed.Sha256, typePart[1], codes, files, signatures, caller, now, token), cancellationToken);
            if (!result.Created)
            {
                await DeleteAsync(files);
            }

            logger.LogInformation("Received {Number} from {Issuer} by exchange for {Receivers} units", package.Number, package.From.Code, receivers.Count);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await DeleteAsync(files);
            if (exception is DbUpdateException)
            {
                // The same package delivered twice at once: the unique index let one in; this one answers with it.
                db.ChangeTracker.Clear();
                if (await FindEarlierAsync(package, cancellationToken) is { } raced)
                {
                    return raced;
                }
            }

            throw;
        }
    }

    private async Task<PackageImportResult> ImportOnceAsync(
        ExchangePackage package, string sha256, string symbolCode, List<string> codes, List<(ExchangeFile File, string ContentType, string Key)> files, string? signatures, ExchangeCaller caller, DateTime now, CancellationToken cancellationToken)
    {
        if (await FindEarlierAsync(package, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var receivers = await FindReceiversAsync(codes, cancellationToken);
        var issuer = await FindOrAddIssuerAsync(package, symbolCode, cancellationToken);
        var expected = DocumentSymbol.Create(package.CodeNumber, package.DocumentType, issuer.AsOf(package.PromulgationDate).SymbolCode).ToString();
        if (!string.Equals(expected, package.Number, StringComparison.Ordinal))
        {
            throw new DomainException($"Ký hiệu \"{package.CodeNotation}\" không khớp ký hiệu của {issuer.Name} ({expected}).", "Code.CodeNotation");
        }

        if (await db.Directives.AnyAsync(d => d.IssuerId == issuer.Id && d.Number == package.Number && d.IssuedOn == package.PromulgationDate, cancellationToken))
        {
            throw new DuplicatePackageException($"Văn bản số {package.Number} ngày {package.PromulgationDate:dd/MM/yyyy} của {issuer.Name} đã có trong hệ thống.");
        }

        var directive = new Directive(issuer.Id, ContentOf(package, receivers), caller.UserId ?? Guid.Empty, now);
        foreach (var (file, contentType, key) in files)
        {
            directive.AddAttachment(new Attachment(file.Name, contentType, file.Content.LongLength, key, AttachmentKind.File, null, now));
        }

        var register = await RegisterForAsync(issuer.Id, package, cancellationToken);
        directive.RegisterIssued(register, package.CodeNumber, issuer, null, package.PromulgationDate, caller.UserId ?? Guid.Empty, now);
        db.Directives.Add(directive);
        var receipt = new ReceivedPackage(package.DocumentId, package.From.Code, package.Number, package.PromulgationDate, directive.Id, caller.Peer?.Code, sha256, signatures, now);
        db.ReceivedPackages.Add(receipt);
        db.AuditEvents.Add(new AuditEvent(AuditActions.Received, nameof(Directive), directive.Id.ToString(), caller.UserId, caller.UserName, caller.OrganizationId, caller.IpAddress, System.Text.Json.JsonSerializer.Serialize(new { directive.Number, Issuer = package.From.Code, Exchange = true }), now));

        // Arrival numbers and the first status (01 đã đến) in the same transaction as the directive.
        await ArrivalNumbering.AssignAsync(db, directive.Assignments, now, cancellationToken);
        foreach (var assignment in directive.Assignments)
        {
            emitter.Enqueue(receipt, receivers.Single(r => r.Id == assignment.OrganizationId), Assignments.ExchangeStatus.Arrived, null, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PackageImportResult(directive.Id, directive.Number!, true, signatures);
    }

    private async Task<List<Organization>> FindReceiversAsync(List<string> codes, CancellationToken cancellationToken) =>
        (await db.Organizations
            .Where(o => o.DissolvedOn == null && (codes.Contains(o.ExchangeCode!) || (o.ExchangeCode == null && codes.Contains(o.Code))))
            .ToListAsync(cancellationToken))
        .OrderBy(o => codes.IndexOf(o.EffectiveExchangeCode)).ToList();

    private async Task DeleteAsync(List<(ExchangeFile File, string ContentType, string Key)> files)
    {
        foreach (var (_, _, key) in files)
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }

        files.Clear();
    }

    private async Task<PackageImportResult?> FindEarlierAsync(ExchangePackage package, CancellationToken cancellationToken)
    {
        var earlier = await db.ReceivedPackages.AsNoTracking()
            .SingleOrDefaultAsync(p => p.IssuerCode == package.From.Code && p.Number == package.Number && p.IssuedOn == package.PromulgationDate, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.DocumentId == package.DocumentId
            ? new PackageImportResult(earlier.DirectiveId, earlier.Number, false, earlier.SignatureSummary)
            : throw new DuplicatePackageException($"Đã nhận một văn bản khác số {package.Number} ngày {package.PromulgationDate:dd/MM/yyyy} của đơn vị {package.From.Code}: gói tin trùng bị từ chối.");
    }

    private async Task<Organization> FindOrAddIssuerAsync(ExchangePackage package, string symbolCode, CancellationToken cancellationToken)
    {
        var code = package.From.Code;
        var issuer = await db.Organizations.FirstOrDefaultAsync(o => o.ExchangeCode == code, cancellationToken)
            ?? await db.Organizations.FirstOrDefaultAsync(o => o.ExchangeCode == null && o.Code == code, cancellationToken);
        if (issuer is not null)
        {
            return issuer;
        }

        // An issuer outside this instance's tree: recorded as a unit of its own (no parent) under its exchange code, so
        // later packages and the statuses find it again.
        var external = new Organization(
            ("EXT-" + code).ToUpperInvariant()[..Math.Min(64, code.Length + 4)],
            package.From.Name,
            OrganizationKind.CommitteeBoard,
            symbolCode,
            package.Place,
            null,
            new DateOnly(package.PromulgationDate.Year, 1, 1));
        external.SetExchangeCode(code);
        db.Organizations.Add(external);
        return external;
    }

    private async Task<NumberRegister> RegisterForAsync(Guid issuerId, ExchangePackage package, CancellationToken cancellationToken)
    {
        var issuedOn = package.PromulgationDate;
        var register = await db.NumberRegisters
            .Where(r => r.IssuerId == issuerId && r.DocumentType == package.DocumentType && !r.IsConfidential
                && r.PeriodStart <= issuedOn && (r.PeriodEnd == null || r.PeriodEnd >= issuedOn))
            .OrderByDescending(r => r.PeriodStart)
            .FirstOrDefaultAsync(cancellationToken);
        if (register is null)
        {
            register = NumberRegister.ForYear(issuerId, package.DocumentType, false, issuedOn.Year);
            db.NumberRegisters.Add(register);
        }

        return register;
    }

    private static DirectiveContent ContentOf(ExchangePackage package, IReadOnlyList<Organization> receivers)
    {
        Guid? Local(string? code) => code is null ? null : receivers.FirstOrDefault(r => r.EffectiveExchangeCode == code)?.Id;

        var tasks = new List<TaskContent>();
        foreach (var task in package.Tasks)
        {
            var coordinators = task.CoordinatingUnitCodes.Select(Local).OfType<Guid>().Distinct().ToList();
            var content = new TaskContent(task.Text, task.Deadline, Local(task.LeadUnitCode), coordinators, []);
            if (task.Number.Contains('.', StringComparison.Ordinal) && tasks.Count > 0)
            {
                var parent = tasks[^1];
                tasks[^1] = parent with { Subtasks = [.. parent.Subtasks, content] };
            }
            else
            {
                tasks.Add(content);
            }
        }

        return new DirectiveContent
        {
            DocumentType = package.DocumentType,
            Subject = package.Subject,
            Place = package.Place,
            Urgency = package.Priority,
            Preamble = package.Content,
            Signer = package.Signer,
            Recipients = receivers.Select(r => new RecipientContent(r.Id, r.Name)).ToList(),
            Tasks = tasks,
        };
    }

    private sealed record XmlPackage(ExchangePackage Package, string Sha256);
}
