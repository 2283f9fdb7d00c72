namespace DirectiveHub.Assignments;

/// <summary>
/// A task assignment's columns with its <see cref="TaskState"/> on a given day (<see cref="TaskAssignmentState.On"/>).
/// Init properties, not a positional record: EF can filter, group and sort on them after projecting.
/// </summary>
public sealed record StatedTaskAssignment
{
    public Guid Id { get; init; }

    public Guid DirectiveId { get; init; }

    public Guid TaskId { get; init; }

    public Guid OrganizationId { get; init; }

    public AssignmentRole Role { get; init; }

    public DateOnly? Deadline { get; init; }

    /// <summary>The span of a deadline counted from receipt (<see cref="TaskAssignment.DaysAfterReceipt"/>).</summary>
    public int? DaysAfterReceipt { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public ProgressStatus Status { get; init; }

    public DateTime? CompletedAt { get; init; }

    public DateTime? LastReportAt { get; init; }

    /// <summary>The officer of the unit who handles it (người xử lý), if named.</summary>
    public Guid? HandlerUserId { get; init; }

    public Guid? FollowerUserId { get; init; }

    public TaskState State { get; init; }

    public DateOnly? OriginalDeadline { get; init; }

    public int ExtensionCount { get; init; }

    public bool HasPendingExtension { get; init; }

    public int UrgingCount { get; init; }

    public int ReturnCount { get; init; }

    public ResultQuality? Quality { get; init; }

    public ResultTiming? Timing { get; init; }

    /// <summary>When the result awaiting confirmation (or accepted) was submitted.</summary>
    public DateTime? SubmittedAt { get; init; }

    public string? CancellationReason { get; init; }

    public int Version { get; init; }
}
