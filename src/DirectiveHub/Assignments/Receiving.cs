using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>
/// What a receiving unit does with a directive: acknowledge receipt and report progress on its tasks. Shared by the
/// inbox pages and the API; both pass the caller's organization, and anything of another unit is "not found".
/// </summary>
public sealed class Receiving(AppDbContext db, TimeProvider clock, ReceiptDeadlines receiptDeadlines, Users.Substitutes substitutes)
{
    /// <returns>The acknowledgment (recorded now or earlier), or null when the directive is not addressed to the unit.</returns>
    /// <param name="idempotencyKey">The client's key (a phone's queued action): recorded with the acknowledgment.</param>
    public async Task<Acknowledgment?> AcknowledgeAsync(Guid directiveId, Actor actor, CancellationToken cancellationToken, Guid? idempotencyKey = null)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.DirectiveId == directiveId && a.OrganizationId == actor.OrganizationId, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (assignment.Acknowledge(actor.UserId, now, idempotencyKey))
        {
            // Receipt starts the clock of the unit's tasks counted from it, in the same save as the acknowledgment.
            var deadlinesFixed = await receiptDeadlines.FixAtAcknowledgmentAsync(assignment, cancellationToken);
            Audit(AuditActions.Acknowledged, nameof(Directive), directiveId, new { OrganizationId = actor.OrganizationId, DeadlinesFixed = deadlinesFixed }, actor, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Telemetry.DirectiveHubMetrics.Acknowledgments.Add(1);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Two people of the unit clicked at once: the first acknowledgment stands.
                db.ChangeTracker.Clear();
                assignment = await db.Assignments.SingleAsync(a => a.Id == assignment.Id, cancellationToken);
            }
        }

        var name = await db.Users.Where(u => u.Id == assignment.AcknowledgedById).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
        return new Acknowledgment(assignment.AcknowledgedAt!.Value, assignment.AcknowledgedById!.Value, name);
    }

    /// <returns>The report, or null when the task assignment is not the unit's.</returns>
    /// <exception cref="DomainException">A rule was broken: acknowledgment first, a result for done, a note for blocked.</exception>
    public Task<ProgressReport?> ReportAsync(Guid taskAssignmentId, ProgressStatus status, string? note, Actor actor, CancellationToken cancellationToken, IReadOnlyList<EvidenceFile>? evidence = null, ResultDocument? result = null) =>
        ReportAsync(taskAssignmentId, status, note, actor, new QueuedAction(null, null), cancellationToken, evidence, result);

    /// <summary>
    /// A report that may be a retry of one already received (same idempotency key: the earlier report is returned
    /// and nothing is added) or written earlier on a phone with no connection (<see cref="QueuedAction.PreparedAtUtc"/>):
    /// such a report is refused when the directive was superseded after it was written, so the officer rereads the
    /// correction before sending it again.
    /// </summary>
    /// <param name="result">The document reporting the result; a report of completion needs it or <paramref name="evidence"/>.</param>
    public async Task<ProgressReport?> ReportAsync(Guid taskAssignmentId, ProgressStatus status, string? note, Actor actor, QueuedAction queued, CancellationToken cancellationToken, IReadOnlyList<EvidenceFile>? evidence = null, ResultDocument? result = null)
    {
        var taskAssignment = await db.TaskAssignments.Include(t => t.Reports)
            .SingleOrDefaultAsync(t => t.Id == taskAssignmentId && t.OrganizationId == actor.OrganizationId, cancellationToken);
        if (taskAssignment is null)
        {
            return null;
        }

        if (queued.IdempotencyKey is { } key && await FindReportAsync(key, cancellationToken) is { } earlier)
        {
            return earlier.TaskAssignmentId == taskAssignmentId ? earlier : throw new DomainException("Mã gửi này đã dùng cho một báo cáo khác.");
        }

        var directive = await db.Directives.Where(d => d.Id == taskAssignment.DirectiveId).Select(d => new { d.Id, d.IssuerId, d.Number, d.Status, d.UpdatedAt }).SingleAsync(cancellationToken);
        if (directive.Status == DirectiveStatus.Withdrawn)
        {
            throw new DomainException($"Văn bản số {directive.Number} đã bị thu hồi: không nhận báo cáo tiến độ.");
        }

        if (directive.Status == DirectiveStatus.Superseded && queued.PreparedAtUtc is { } prepared && prepared < directive.UpdatedAt)
        {
            var replacement = await db.Directives.Where(d => d.SupersedesId == directive.Id && d.Number != null).Select(d => d.Number).FirstOrDefaultAsync(cancellationToken);
            throw new DomainException($"Văn bản số {directive.Number} đã được thay thế bởi văn bản số {replacement} sau khi báo cáo này được soạn: hãy đọc văn bản mới rồi gửi lại.");
        }

        var receipt = await db.Assignments.SingleOrDefaultAsync(a => a.DirectiveId == taskAssignment.DirectiveId && a.OrganizationId == actor.OrganizationId, cancellationToken)
            ?? throw new DomainException("Đơn vị chưa nhận văn bản này.");
        var now = clock.GetUtcNow().UtcDateTime;
        // A substitute reporting on the absent handler's work reports on their behalf ("X thay Y").
        actor = await substitutes.StandInAsync(actor, taskAssignment.HandlerUserId, cancellationToken);
        var report = taskAssignment.Report(receipt, status, note, actor.UserId, now, queued.IdempotencyKey, result, evidence is { Count: > 0 }, actor.OnBehalfOfUserId);
        foreach (var file in evidence ?? [])
        {
            db.ReportEvidence.Add(new ReportEvidence(report.Id, file.FileName, file.ContentType, file.Length, file.StorageKey, now));
        }

        var unit = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var label = await db.DirectiveTasks.Where(d => d.Id == taskAssignment.TaskId).Select(d => d.Label).FirstOrDefaultAsync(cancellationToken);
        db.Notifications.Add(new Notification(
            directive.IssuerId,
            NotificationKind.Report,
            $"{unit} báo cáo {TaskNoticeName.Of(label, directive.Number)}: {TaskAssignment.StatusText(report.Status)}",
            NoticeTarget.TrackedDirective,
            directive.Id,
            taskAssignment.Id,
            now));
        Audit(AuditActions.Reported, nameof(TaskAssignment), taskAssignment.Id, new { Status = report.Status.ToString(), report.Note, Result = report.ResultNumber, ResultIssuedOn = report.ResultIssuedOn, Evidence = evidence?.Count ?? 0 }, actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (queued.IdempotencyKey is { } raced)
        {
            // Two retries of one queued report at once: the unique key let one in; the other answers with it.
            db.ChangeTracker.Clear();
            return await FindReportAsync(raced, cancellationToken) ?? throw new InvalidOperationException("The report could not be saved.", exception);
        }

        Telemetry.DirectiveHubMetrics.Reports.Add(1, new KeyValuePair<string, object?>("status", report.Status.ToString()));
        return report;
    }

    /// <summary>The report received earlier with this idempotency key, if any.</summary>
    public Task<ProgressReport?> FindReportAsync(Guid idempotencyKey, CancellationToken cancellationToken) =>
        db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken);

    private void Audit(string action, string entityType, Guid entityId, object details, Actor actor, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent(action, entityType, entityId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now, actor.OnBehalfOfUserId, actor.OnBehalfOfName));
}
