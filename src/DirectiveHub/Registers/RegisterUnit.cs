namespace DirectiveHub.Registers;

/// <summary>A unit whose registers the viewer may read, for the selector and the register's heading.</summary>
public sealed record RegisterUnit(Guid Id, string Name, string Path, string? ParentName);
