using DirectiveHub.Assignments;

namespace DirectiveHub.Dashboards;

/// <summary>
/// A task assignment as a dashboard counts it (<see cref="DashboardQuery.Counted"/>): its state today and whether the
/// period holds its directive's issue or its completion. Init properties: EF groups and filters on them.
/// </summary>
public sealed record CountedTask
{
    public Guid DirectiveId { get; init; }

    public Guid TaskId { get; init; }

    public Guid OrganizationId { get; init; }

    public AssignmentRole Role { get; init; }

    public DateOnly? Deadline { get; init; }

    public ProgressStatus Status { get; init; }

    public TaskState State { get; init; }

    /// <summary>Its directive was issued in the period: counted in "được giao" and the acknowledgments.</summary>
    public bool IssuedInPeriod { get; init; }

    /// <summary>Done (on time or late) with a result submitted in the period: counted in the done figures.</summary>
    public bool DoneInPeriod { get; init; }
}
