using DirectiveHub.Assignments;

namespace DirectiveHub.Inbox;

/// <summary>
/// A task assignment the user handles (người xử lý) or follows, or handles for an absent colleague
/// (<paramref name="OnBehalfOf"/>: "thay Y").
/// </summary>
public sealed record HandlerDuty(Guid DirectiveId, Guid TaskAssignmentId, string? Number, string Subject, string Label, DateOnly? Deadline, ProgressStatus Status, bool Following, string? OnBehalfOf);
