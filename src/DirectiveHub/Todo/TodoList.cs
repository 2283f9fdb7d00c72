namespace DirectiveHub.Todo;

/// <summary>Việc cần làm: what waits for one user, by role (see <see cref="TodoQuery"/>).</summary>
public sealed record TodoList
{
    public TodoSection<ReceiptLine> Unacknowledged { get; init; } = TodoSection<ReceiptLine>.Empty;

    public TodoSection<TaskLine> Overdue { get; init; } = TodoSection<TaskLine>.Empty;

    public TodoSection<TaskLine> DueSoon { get; init; } = TodoSection<TaskLine>.Empty;

    /// <summary>Results the issuer sent back: the unit reports again.</summary>
    public TodoSection<TaskLine> Returned { get; init; } = TodoSection<TaskLine>.Empty;

    /// <summary>The issuer's answers to the unit's extension requests in the last week.</summary>
    public TodoSection<TaskLine> ExtensionAnswers { get; init; } = TodoSection<TaskLine>.Empty;

    public TodoSection<DraftLine> Drafts { get; init; } = TodoSection<DraftLine>.Empty;

    /// <summary>Results of the unit's own directives waiting for it to accept or return them.</summary>
    public TodoSection<TaskLine> AwaitingConfirmation { get; init; } = TodoSection<TaskLine>.Empty;

    public TodoSection<TaskLine> ExtensionRequests { get; init; } = TodoSection<TaskLine>.Empty;

    /// <summary>Tasks a unit refused: the issuer reassigns or cancels them.</summary>
    public TodoSection<TaskLine> Refusals { get; init; } = TodoSection<TaskLine>.Empty;

    public SubtreeFigures? Subtree { get; init; }

    public bool Nothing =>
        Unacknowledged.Total + Overdue.Total + DueSoon.Total + Returned.Total + ExtensionAnswers.Total + Drafts.Total
            + AwaitingConfirmation.Total + ExtensionRequests.Total + Refusals.Total == 0
        && Subtree is not { OverdueTasks: > 0 } and not { SpecialRedToDecide: > 0 };
}
