namespace DirectiveHub.Access;

/// <summary>
/// Who is looking, for the visibility rules. <paramref name="SeesSubtree"/> is true for committees' clerks, leaders and
/// administrators, who follow the units beneath them; an officer sees only their own unit.
/// </summary>
public sealed record Viewer(Guid UserId, Guid OrganizationId, string OrganizationPath, bool SeesSubtree, bool IsClerk)
{
    /// <summary>Whether an organization with this path is one the viewer may see.</summary>
    public bool CanSee(string organizationPath) => SeesSubtree
        ? organizationPath.StartsWith(OrganizationPath, StringComparison.Ordinal)
        : string.Equals(organizationPath, OrganizationPath, StringComparison.Ordinal);
}
