using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

public sealed record PublishResult(Guid Id, string Number, int Sequence, DateOnly IssuedOn);

/// <summary>Who acts, for the audit trail.</summary>
public sealed record Actor(Guid UserId, string? UserName, Guid OrganizationId, string? IpAddress);

/// <summary>
/// Publishes a draft in one transaction: the register row is locked, the next number taken, assignments created, a
/// superseded directive marked, audit events written. Any failure rolls all of it back, so a number is never skipped
/// and never issued twice.
/// </summary>
public sealed class DirectivePublisher(AppDbContext db, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<PublishResult> PublishAsync(Guid directiveId, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var draft = await db.Directives.AsNoTracking()
            .Where(d => d.Id == directiveId)
            .Select(d => new { d.IssuerId, d.DocumentType, d.Confidentiality })
            .SingleAsync(cancellationToken);
        await RegisterLookup.EnsureAsync(db, draft.IssuerId, draft.DocumentType, draft.Confidentiality != Confidentiality.None, VietnamTime.Today(clock), cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await PublishOnceAsync(directiveId, expectedVersion, actor, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts && db.Provider == DatabaseProvider.Sqlite)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private async Task<PublishResult> PublishOnceAsync(Guid directiveId, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var directive = await db.Directives
            .Include(d => d.Recipients)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
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
        Audit(AuditActions.Published, directive.Id, new { directive.Number, directive.Sequence, IssuedOn = today }, actor, now);
        foreach (var assignment in directive.Assignments)
        {
            db.Notifications.Add(new Notification(
                assignment.OrganizationId,
                NotificationKind.NewDirective,
                $"Văn bản mới số {directive.Number}: {directive.Subject}",
                $"/Inbox/Directive/{directive.Id}",
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

        await db.SaveChangesAsync(cancellationToken);
        return new PublishResult(directive.Id, directive.Number!, directive.Sequence!.Value, today);
    }

    private void Audit(string action, Guid directiveId, object details, Actor actor, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(Directive), directiveId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now));
}
