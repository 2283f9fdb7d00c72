namespace DirectiveHub.Directives;

/// <summary>A reference to another document: by link when it is in the system, by its number text otherwise.</summary>
public sealed record ReferenceContent(Guid? DirectiveId, string? Number);
