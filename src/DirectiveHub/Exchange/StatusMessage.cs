namespace DirectiveHub.Exchange;

/// <summary>
/// An edXML status message: the receiving unit (<see cref="From"/>) tells the issuer what became of the document it
/// answers to (ResponseFor: issuer code, number, date and document id). Codes are <see cref="Assignments.ExchangeStatus"/>'s.
/// </summary>
public sealed record StatusMessage(
    string IssuerCode,
    string Number,
    DateOnly PromulgationDate,
    Guid DocumentId,
    ExchangeUnit From,
    string StatusCode,
    string? Description,
    string? Staff,
    DateTime TimestampUtc);
