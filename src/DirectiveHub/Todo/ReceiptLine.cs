using DirectiveHub.Directives;

namespace DirectiveHub.Todo;

public sealed record ReceiptLine(Guid DirectiveId, string? Number, string Subject, DateOnly? IssuedOn, Urgency Urgency);
