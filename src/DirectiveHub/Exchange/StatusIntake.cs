using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>
/// Applies a status message that came back for a directive issued here to its tracking: the message must answer a
/// published directive of ours (document id, number, date and our issuer's code all agree) and come from one of its
/// receiving units. The same code from the same unit is recorded once, however often it is delivered.
/// </summary>
public sealed class StatusIntake(AppDbContext db, ExchangeOptions options, TimeProvider clock)
{
    /// <returns>The outcome, or null when no directive of ours matches the message.</returns>
    /// <exception cref="DomainException">The message breaks a rule; <see cref="DomainException.Field"/> names the field.</exception>
    public async Task<StatusApplyResult?> ApplyAsync(byte[] body, ExchangeCaller caller, CancellationToken cancellationToken)
    {
        if (body.LongLength > options.MaxStatusBytes)
        {
            throw new DomainException($"Thông điệp trạng thái vượt quá {options.MaxStatusBytes / 1024} KB.", "body");
        }

        StatusMessage status;
        using (var stream = new MemoryStream(body, writable: false))
        {
            status = EdXml.ReadStatus(EdXml.Load(stream, options.MaxStatusBytes));
        }

        var directive = await db.Directives.AsNoTracking()
            .Where(d => d.Id == status.DocumentId && d.Number == status.Number && d.IssuedOn == status.PromulgationDate && d.Status != DirectiveStatus.Draft)
            .Select(d => new { d.Id, d.IssuerId, d.Number, IssuerCode = d.Issuer!.ExchangeCode ?? d.Issuer.Code })
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null || directive.IssuerCode != status.IssuerCode)
        {
            return null;
        }

        var code = status.From.Code;
        var unit = await db.Organizations.AsNoTracking()
            .Where(o => (o.ExchangeCode == code || (o.ExchangeCode == null && o.Code == code)) && db.Assignments.Any(a => a.DirectiveId == directive.Id && a.OrganizationId == o.Id))
            .Select(o => new { o.Id, o.Name, o.Path })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"Đơn vị {code} không phải nơi nhận văn bản số {directive.Number}.", "From.OrganId");
        if (caller.Peer is { } peer ? !peer.Carries(code) : !caller.MayActFor(unit.Id, unit.Path))
        {
            throw new ExchangeForbiddenException($"Không được báo trạng thái thay đơn vị {unit.Name}.", "From.OrganId");
        }

        if (await db.ReceivedStatuses.AnyAsync(s => s.DirectiveId == directive.Id && s.OrganizationId == unit.Id && s.StatusCode == status.StatusCode, cancellationToken))
        {
            return new StatusApplyResult(directive.Id, code, status.StatusCode, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ReceivedStatuses.Add(new ReceivedStatus(directive.Id, unit.Id, code, status.StatusCode, status.Description, status.Staff, status.TimestampUtc, caller.Peer?.Code, now));
        db.Notifications.Add(new Notification(
            directive.IssuerId,
            NotificationKind.Report,
            $"{unit.Name} (liên thông) báo văn bản số {directive.Number}: {ExchangeStatusText.Of(status.StatusCode)}",
            NoticeTarget.TrackedDirective,
            directive.Id,
            null,
            now));
        db.AuditEvents.Add(new AuditEvent(AuditActions.Reported, nameof(Directive), directive.Id.ToString(), caller.UserId, caller.UserName, caller.OrganizationId, caller.IpAddress, System.Text.Json.JsonSerializer.Serialize(new { Unit = code, status.StatusCode, Exchange = true }), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same status delivered twice at once: the unique index let one in.
            db.ChangeTracker.Clear();
            return new StatusApplyResult(directive.Id, code, status.StatusCode, false);
        }

        return new StatusApplyResult(directive.Id, code, status.StatusCode, true);
    }
}
