namespace DirectiveHub.Users;

/// <summary>A user as the handler and substitute rules need them: their unit and whether they may still sign in.</summary>
public sealed record UnitMember(Guid UserId, Guid OrganizationId, bool IsActive);
