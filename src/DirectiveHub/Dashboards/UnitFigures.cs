namespace DirectiveHub.Dashboards;

/// <summary>One unit's figures on a dashboard, from the summaries (<see cref="TaskFigures.ByUnitAsync"/>).</summary>
public sealed record UnitFigures(int Assigned, int Acknowledged, int Open, int Done, int DoneLate, int Overdue);
