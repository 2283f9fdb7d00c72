namespace DirectiveHub.Directives;

/// <summary>
/// Who acts, for the audit trail. <paramref name="OnBehalfOfUserId"/> is the absent user a substitute acts for
/// ("X thay Y", <see cref="Users.Substitution"/>), set by the domain service that checked the substitution.
/// </summary>
public sealed record Actor(Guid UserId, string? UserName, Guid OrganizationId, string? IpAddress, Guid? OnBehalfOfUserId = null, string? OnBehalfOfName = null);
