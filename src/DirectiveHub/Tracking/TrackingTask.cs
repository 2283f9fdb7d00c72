using DirectiveHub.Assignments;

namespace DirectiveHub.Tracking;

/// <param name="AfterReceipt">The span of a deadline counted from receipt; each unit's date is on its row.</param>
public sealed record TrackingTask(Guid TaskId, string Label, string Text, DateOnly? Deadline, IReadOnlyList<TrackingUnit> Assignments, Calendar.ReceiptDeadline? AfterReceipt = null)
{
    /// <summary>The task's own state: the lead's (<see cref="TaskAssignmentState.OfTask"/>).</summary>
    public TaskState State => TaskAssignmentState.OfTask(Assignments.Select(a => (a.Role, a.Lifecycle?.State ?? TaskState.Open)));

    /// <summary>The coordinating units still on the task, whose latest results are shown beside the lead's.</summary>
    public IReadOnlyList<TrackingUnit> Coordinators =>
        Assignments.Where(a => a.Role == AssignmentRole.Coordinator && a.Lifecycle?.State != TaskState.Cancelled).ToList();
}
