namespace DirectiveHub.Assignments;

/// <summary>
/// Where a task assignment stands on a given Vietnam date, as every report groups them (done on time, done late,
/// open in time, open overdue). <see cref="Closed"/>: unfinished work of a directive no longer in force (superseded or
/// withdrawn); nobody chases it and no figure counts it.
/// </summary>
public enum TaskState
{
    Open,
    Overdue,
    DoneOnTime,
    DoneLate,
    Closed,
}
