namespace DirectiveHub.Reports;

/// <summary>A frozen report in the unit's list: its period, who froze it and when, and its number once issued.</summary>
public sealed record FrozenReportRow(Guid Id, string PeriodCode, DateTime FrozenAt, string FrozenBy, string? Number, DateOnly? IssuedOn);
