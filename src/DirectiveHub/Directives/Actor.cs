namespace DirectiveHub.Directives;

/// <summary>Who acts, for the audit trail.</summary>
public sealed record Actor(Guid UserId, string? UserName, Guid OrganizationId, string? IpAddress);
