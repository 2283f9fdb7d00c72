namespace DirectiveHub.Todo;

public sealed record DraftLine(Guid Id, string DocumentType, string Subject, DateTime UpdatedAt);
