namespace DirectiveHub.Tracking;

/// <param name="AfterReceipt">The span of a deadline counted from receipt; each unit's date is on its row.</param>
public sealed record TrackingTask(Guid TaskId, string Label, string Text, DateOnly? Deadline, IReadOnlyList<TrackingUnit> Assignments, Calendar.ReceiptDeadline? AfterReceipt = null);
