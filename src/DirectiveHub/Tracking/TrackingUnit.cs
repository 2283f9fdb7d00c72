using DirectiveHub.Assignments;

namespace DirectiveHub.Tracking;

/// <param name="Deadline">The unit's deadline in force; null with <paramref name="DeadlinePending"/> until its receipt starts the clock.</param>
public sealed record TrackingUnit(Guid TaskAssignmentId, Guid OrganizationId, string Name, AssignmentRole Role, ProgressStatus Status, bool Overdue, DateTime? LastReportAt, string? LastNote, DateOnly? Deadline = null, bool DeadlinePending = false, DateOnly? ReceivedOn = null, TrackingLifecycle? Lifecycle = null)
{
    /// <summary>The evidence of every report of the assignment, newest report first.</summary>
    public IReadOnlyList<TrackingEvidence> Evidence { get; init; } = [];

    /// <summary>The name of the officer of the unit who handles it (người xử lý), if one is named.</summary>
    public string? Handler { get; init; }

    /// <summary>The name of the officer who follows it (người theo dõi), if any.</summary>
    public string? Follower { get; init; }
}
