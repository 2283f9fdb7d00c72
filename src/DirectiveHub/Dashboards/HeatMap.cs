namespace DirectiveHub.Dashboards;

/// <summary>Units (the root's children, their subtrees added up) × the period's latest directives.</summary>
public sealed record HeatMap(IReadOnlyList<HeatMapDirective> Directives, IReadOnlyList<HeatMapRow> Rows, int DirectivesInPeriod);
