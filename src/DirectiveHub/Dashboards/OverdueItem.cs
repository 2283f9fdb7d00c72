namespace DirectiveHub.Dashboards;

/// <summary>A task assignment past its deadline and not done, for the overview's "oldest overdue" list.</summary>
public sealed record OverdueItem(Guid DirectiveId, string? Number, string TaskLabel, string TaskText, string Unit, DateOnly Deadline, int DaysLate);
