using DirectiveHub.Assignments;
using DirectiveHub.Directives;

namespace DirectiveHub.Web.Api;

/// <summary>A whole directive as GET /api/directives/{id} returns it: tasks with their ids and their task assignments.</summary>
public sealed record DirectiveDto(
    Guid Id,
    string DocumentType,
    string Status,
    string? Number,
    int? Sequence,
    Guid IssuerId,
    string? IssuerName,
    string? ParentBodyName,
    string? Place,
    DateOnly? IssuedOn,
    string Subject,
    string Urgency,
    string Confidentiality,
    string? Preamble,
    string? Closing,
    IReadOnlyList<DirectiveDto.Recipient> Recipients,
    IReadOnlyList<DirectiveDto.TaskItem> Tasks,
    IReadOnlyList<DirectiveDto.DistributionItem> Distribution,
    DirectiveDto.SignerItem Signer,
    IReadOnlyList<DirectiveDto.ReferenceItem> References,
    IReadOnlyList<DirectiveDto.AttachmentItem> Attachments,
    Guid? SupersedesId,
    int Version)
{
    public sealed record Recipient(Guid? OrganizationId, string Text);

    public sealed record TaskItem(Guid Id, string Label, string Text, DateOnly? Deadline, DeadlineAfterReceiptItem? DeadlineAfterReceipt, Guid? LeadOrganizationId, IReadOnlyList<Guid> CoordinatingOrganizationIds, IReadOnlyList<TaskAssignmentItem> Assignments, IReadOnlyList<TaskItem> Subtasks);

    /// <summary><paramref name="Deadline"/> is the deadline in force; null while it waits for the unit's receipt (<paramref name="ReceivedOn"/>).</summary>
    public sealed record TaskAssignmentItem(Guid Id, Guid OrganizationId, string Role, string Status, DateOnly? Deadline, bool Overdue, DateOnly? ReceivedOn, bool DeadlinePending);

    public sealed record DeadlineAfterReceiptItem(int Days, bool WorkingDays);

    public sealed record DistributionItem(string Text, string? Purpose);

    public sealed record SignerItem(string? Authority, string? Body, string? Position, string? Name);

    public sealed record ReferenceItem(Guid? DirectiveId, string? Number);

    public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long Length, string Kind);

    /// <param name="today">The Vietnam date the task assignments' state is read on.</param>
    public static DirectiveDto From(Directive d, DateOnly today)
    {
        TaskItem Task(DirectiveTask task, IReadOnlyList<DirectiveTask> subtasks) => new(
            task.Id,
            task.Label,
            task.Text,
            task.Deadline,
            task.DeadlineAfterReceipt is { } span ? new DeadlineAfterReceiptItem(span.Days, span.WorkingDays) : null,
            task.LeadOrganizationId,
            task.Coordinators.OrderBy(c => c.Position).Select(c => c.OrganizationId).ToList(),
            d.TaskAssignments.Where(a => a.TaskId == task.Id)
                .OrderBy(a => a.Role)
                .ThenBy(a => task.Coordinators.FirstOrDefault(c => c.OrganizationId == a.OrganizationId)?.Position ?? -1)
                .Select(a => new TaskAssignmentItem(a.Id, a.OrganizationId, a.Role.ToString(), a.Status.ToString(), a.Deadline, TaskAssignmentState.Of(a, d.Status, today) == TaskState.Overdue, a.ReceivedOn, a.IsDeadlinePending))
                .ToList(),
            subtasks.Select(s => Task(s, [])).ToList());

        return new DirectiveDto(
            d.Id,
            d.DocumentType,
            d.Status.ToString(),
            d.Number,
            d.Sequence,
            d.IssuerId,
            d.IssuerName,
            d.ParentBodyName,
            d.Place,
            d.IssuedOn,
            d.Subject,
            d.Urgency.ToString(),
            d.Confidentiality.ToString(),
            d.Preamble,
            d.Closing,
            d.Recipients.OrderBy(r => r.Position).Select(r => new Recipient(r.OrganizationId, r.Text)).ToList(),
            d.TaskTree().Select(node => Task(node.Task, node.Subtasks)).ToList(),
            d.Distribution.OrderBy(e => e.Position).Select(e => new DistributionItem(e.Text, e.Purpose)).ToList(),
            new SignerItem(d.Signer.Authority.ToPrinted(), d.Signer.Body, d.Signer.Position, d.Signer.Name),
            d.References.OrderBy(r => r.Position).Select(r => new ReferenceItem(r.ReferencedDirectiveId, r.Number)).ToList(),
            d.Attachments.Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Kind.ToString())).ToList(),
            d.SupersedesId,
            d.Version);
    }
}
