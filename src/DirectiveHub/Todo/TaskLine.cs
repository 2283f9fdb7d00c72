namespace DirectiveHub.Todo;

/// <summary>One task assignment: its directive, task and unit, its deadline and, where it matters, a short note.</summary>
public sealed record TaskLine(Guid DirectiveId, string? Number, string Label, string Text, DateOnly? Deadline, string? Unit = null, string? Note = null);
