namespace DirectiveHub.Tracking;

public sealed record TrackingTask(Guid TaskId, string Label, string Text, DateOnly? Deadline, IReadOnlyList<TrackingUnit> Assignments);
