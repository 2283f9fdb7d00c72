namespace DirectiveHub.Access;

/// <summary>
/// Who is looking, for the visibility rules (<see cref="VisibilityQueries"/>). <paramref name="SeesSubtree"/> is true
/// for committees' clerks, leaders and administrators, who follow the units beneath them; an officer sees only their
/// own unit.
/// </summary>
public sealed record Viewer(Guid UserId, Guid OrganizationId, string OrganizationPath, bool SeesSubtree, bool IsClerk);
