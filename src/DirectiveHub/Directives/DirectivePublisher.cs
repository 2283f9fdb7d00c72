using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Printing;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

/// <summary>
/// Publishes a draft in one transaction: the register row is locked, the next number taken, assignments created, a
/// superseded directive marked, the record copy (the signed PDF) written, audit events written. Any failure rolls all
/// of it back, so a number is never skipped and never issued twice, and no directive is published without its PDF.
/// </summary>
public sealed class DirectivePublisher(AppDbContext db, TimeProvider clock, RecordCopyWriter? recordCopies = null, Exchange.ExchangeOptions? exchange = null)
{
    private RecordCopy? _written;

    private const int Attempts = 5;

    public async Task<PublishResult> PublishAsync(Guid directiveId, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var draft = await db.Directives.AsNoTracking()
            .Where(d => d.Id == directiveId)
            .Select(d => new { d.IssuerId, d.DocumentType, d.Confidentiality, Units = d.Recipients.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).ToList() })
            .SingleAsync(cancellationToken);
        await RegisterLookup.EnsureAsync(db, draft.IssuerId, draft.DocumentType, draft.Confidentiality != Confidentiality.None, VietnamTime.Today(clock), cancellationToken);
        await ArrivalNumbering.EnsureAsync(db, draft.Units, ArrivalNumbering.YearOf(clock.GetUtcNow().UtcDateTime), cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await db.InTransactionAsync(token => PublishOnceAsync(directiveId, expectedVersion, actor, token), cancellationToken, DiscardWritten);
                _written = null;
                Telemetry.DirectiveHubMetrics.DirectivesPublished.Add(1);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts && db.Provider == DatabaseProvider.Sqlite)
            {
                // SQLite has no row lock: two publications of one register collide on the unique number; try again.
                DiscardWritten();
            }
            catch
            {
                DiscardWritten();
                throw;
            }
        }
    }

    private async Task<PublishResult> PublishOnceAsync(Guid directiveId, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var directive = await db.Directives
            .Include(d => d.Recipients)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
            .Include(d => d.Distribution)
            .AsSplitQuery()
            .SingleAsync(d => d.Id == directiveId, cancellationToken);
        if (expectedVersion is { } version && directive.Version != version)
        {
            throw new DomainException("Dự thảo vừa được người khác sửa; hãy xem lại trước khi ban hành.");
        }

        var issuer = await db.Organizations.SingleAsync(o => o.Id == directive.IssuerId, cancellationToken);
        if (issuer.IsDissolved)
        {
            throw new DomainException("Đơn vị ban hành đã giải thể, không thể ban hành văn bản mới.");
        }

        var parent = issuer.ParentId is { } parentId ? await db.Organizations.SingleAsync(o => o.Id == parentId, cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var register = await RegisterLookup.FindForUpdateAsync(db, issuer.Id, directive.DocumentType, RegisterLookup.IsConfidential(directive), today, cancellationToken);

        directive.Publish(register, issuer, parent, today, actor.UserId, now);
        await ArrivalNumbering.AssignAsync(db, directive.Assignments, now, cancellationToken);
        Audit(AuditActions.Published, directive.Id, new { directive.Number, directive.Sequence, IssuedOn = today }, actor, now);
        foreach (var assignment in directive.Assignments)
        {
            db.Notifications.Add(new Notification(
                assignment.OrganizationId,
                NotificationKind.NewDirective,
                $"Văn bản mới số {directive.Number}: {directive.Subject}",
                NoticeTarget.ReceivedDirective,
                directive.Id,
                null,
                now));
        }

        if (directive.SupersedesId is { } earlierId)
        {
            var earlier = await db.Directives.Include(d => d.Tasks).Include(d => d.TaskAssignments).SingleAsync(d => d.Id == earlierId, cancellationToken);
            earlier.MarkSuperseded(now);

            // The correction's deadlines win: a task with the same label and unit keeps its history on the earlier
            // directive but takes the new deadline, which lifts an overdue flag that no longer holds.
            foreach (var old in earlier.TaskAssignments.Where(a => !a.IsDone))
            {
                var label = earlier.Tasks.Single(t => t.Id == old.TaskId).Label;
                var replacement = directive.Tasks.FirstOrDefault(t => t.Label == label);
                // A correction whose deadline counts from receipt starts its own clocks on its own assignments.
                if (replacement is not null && replacement.DeadlineAfterReceipt is null && replacement.ResponsibleUnits().Any(u => u.OrganizationId == old.OrganizationId))
                {
                    old.MoveDeadline(replacement.Deadline, now);
                }
            }

            Audit(AuditActions.Superseded, earlier.Id, new { SupersededBy = directive.Number }, actor, now);
        }

        if (recordCopies is not null)
        {
            _written = await recordCopies.WriteAsync(directive, issuer, parent, now, cancellationToken);
            db.RecordCopies.Add(_written);
            await QueueMailAsync(directive, now, cancellationToken);
            await QueuePackagesAsync(directive, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PublishResult(directive.Id, directive.Number!, directive.Sequence!.Value, today);
    }

    /// <summary>
    /// One email per active user of each receiving unit, with the signed PDF attached, except for confidential
    /// directives: those travel only inside the app, so their mail says that one arrived and carries no file.
    /// </summary>
    private async Task QueueMailAsync(Directive directive, DateTime now, CancellationToken cancellationToken)
    {
        var units = directive.Assignments.Select(a => a.OrganizationId).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => units.Contains(u.OrganizationId) && !u.IsDeactivated && u.Email != null)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var confidential = directive.Confidentiality != Confidentiality.None;
        var title = $"Văn bản mới số {directive.Number}: {directive.Subject}";
        foreach (var person in people)
        {
            var body = title + (confidential ? "\n\nVăn bản mật: xem trong DirectiveHub, không gửi kèm tệp." : "\n\nBản PDF lưu (đã ký số) gửi kèm thư này.");
            db.OutboxMessages.Add(new OutboxMessage(person.Email!, title, body, $"published:{directive.Id}:{person.Id}", now, confidential ? null : directive.Id, (NoticeTarget.ReceivedDirective, directive.Id)));
        }
    }

    /// <summary>
    /// One package per exchange peer that carries some of the receiving units (<see cref="Exchange.ExchangeOptions.PeerReaching"/>),
    /// sent by the exchange worker. Confidential directives never travel by the ordinary exchange.
    /// </summary>
    private async Task QueuePackagesAsync(Directive directive, DateTime now, CancellationToken cancellationToken)
    {
        if (exchange is null || exchange.Active.Count == 0 || directive.Confidentiality != Confidentiality.None)
        {
            return;
        }

        var units = directive.Assignments.Select(a => a.OrganizationId).Distinct().ToList();
        var codes = await db.Organizations.AsNoTracking().Where(o => units.Contains(o.Id))
            .Select(o => o.ExchangeCode ?? o.Code).ToListAsync(cancellationToken);
        foreach (var route in codes.Select(c => (Code: c, Peer: exchange.PeerReaching(c))).Where(r => r.Peer is not null).GroupBy(r => r.Peer!.Code, StringComparer.Ordinal))
        {
            db.OutgoingPackages.Add(new Exchange.OutgoingPackage(directive.Id, route.Key, route.Select(r => r.Code).Order(StringComparer.Ordinal), now));
        }
    }

    private void DiscardWritten()
    {
        if (_written is not null)
        {
            recordCopies!.Discard(_written);
            _written = null;
        }
    }

    private void Audit(string action, Guid directiveId, object details, Actor actor, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(Directive), directiveId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now));
}
