using DirectiveHub.Assignments;

namespace DirectiveHub.Dashboards;

/// <summary>A task assignment behind a dashboard figure (<see cref="DashboardQuery.ItemsAsync"/>).</summary>
public sealed record DashboardItem(Guid DirectiveId, string? Number, string Label, string Text, string Unit, AssignmentRole Role, DateOnly? Deadline, ProgressStatus Status, bool Overdue);
