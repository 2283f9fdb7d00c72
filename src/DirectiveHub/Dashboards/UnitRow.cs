namespace DirectiveHub.Dashboards;

public sealed record UnitRow(Guid OrganizationId, string Name, int Assigned, int Acknowledged, int Done, int DoneLate, int Overdue, double? OnTimeRate);
