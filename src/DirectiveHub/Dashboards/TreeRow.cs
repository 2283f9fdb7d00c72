namespace DirectiveHub.Dashboards;

/// <summary>
/// A unit of the subtree with its own and its descendants' task assignments added up (the root's row is the total),
/// in tree order with the worst siblings first.
/// </summary>
public sealed record TreeRow(Guid OrganizationId, Guid? ParentId, string Name, int Depth, bool HasChildren, int Assigned, int Acknowledged, int Done, int DoneLate, int Overdue, double? OnTimeRate);
