namespace DirectiveHub.Directives;

public sealed record TaskContent(
    string Text,
    DateOnly? Deadline,
    Guid? LeadOrganizationId,
    IReadOnlyList<Guid> CoordinatingOrganizationIds,
    IReadOnlyList<TaskContent> Subtasks,
    Calendar.ReceiptDeadline? DeadlineAfterReceipt = null);
