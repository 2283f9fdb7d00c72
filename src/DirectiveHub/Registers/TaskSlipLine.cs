namespace DirectiveHub.Registers;

/// <summary>A task on the slip: who leads it, who coordinates, and the deadline in force for each.</summary>
public sealed record TaskSlipLine(string Label, string Text, string? Lead, DateOnly? LeadDeadline, IReadOnlyList<(string Unit, DateOnly? Deadline)> Coordinators, bool ForThisUnit);
