namespace DirectiveHub.Assignments;

/// <summary>
/// Where a task assignment stands on a given Vietnam date, as every report groups them (done on time, done late,
/// open in time, open overdue, plus cancelled). <see cref="Closed"/>: unfinished work of a directive no longer in force
/// (superseded or withdrawn); nobody chases it and no figure counts it. <see cref="Cancelled"/>: the issuer cancelled
/// it, or it was refused and passed to another unit; it leaves every rate and is counted in its own column.
/// A result awaiting the issuer's confirmation is open, never overdue: it waits on the issuer, not on the unit.
/// </summary>
public enum TaskState
{
    Open,
    Overdue,
    DoneOnTime,
    DoneLate,
    Closed,
    Cancelled,
}
