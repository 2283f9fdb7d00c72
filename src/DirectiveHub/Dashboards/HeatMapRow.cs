namespace DirectiveHub.Dashboards;

public sealed record HeatMapRow(Guid OrganizationId, string Name, IReadOnlyList<HeatMapCell?> Cells);
