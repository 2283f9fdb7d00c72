using DirectiveHub.Text;

namespace DirectiveHub.Organizations;

/// <summary>One line of the tree as it stood on a date: the unit, its name and parent then, and its depth then.</summary>
public sealed record TreeLine(Organization Organization, OrganizationRevision AsOf, int Depth);
