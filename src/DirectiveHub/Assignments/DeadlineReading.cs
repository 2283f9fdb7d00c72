namespace DirectiveHub.Assignments;

/// <summary>How a task's deadline reads beside its state (<see cref="TaskAssignmentState.ReadDeadline"/>).</summary>
public enum DeadlineReading
{
    /// <summary>The work is not in the unit's hands (awaiting confirmation, done, refused, cancelled): no reading.</summary>
    NotApplicable,

    InTime,

    /// <summary>Sắp đến hạn: within the reminder window.</summary>
    DueSoon,

    /// <summary>Quá hạn.</summary>
    Overdue,

    /// <summary>Không có hạn.</summary>
    NoDeadline,
}
