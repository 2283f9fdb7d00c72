namespace DirectiveHub.Assignments;

/// <summary>Progress of a task assignment. "Overdue" is not a status of its own: it is flagged beside the status.</summary>
public enum ProgressStatus
{
    NotStarted,
    InProgress,
    Blocked,
    Done,
    DoneLate,
}
