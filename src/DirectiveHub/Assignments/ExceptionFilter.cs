namespace DirectiveHub.Assignments;

/// <summary>The exception view of <paramref name="OrganizationId"/>'s subtree, narrowed to one directive or one unit.</summary>
public sealed record ExceptionFilter(Guid OrganizationId, Guid? DirectiveId = null, Guid? UnitId = null);
