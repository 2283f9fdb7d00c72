namespace DirectiveHub.Exchange;

/// <summary>The caller is authenticated but may not act for the unit the message concerns (403, not bad input).</summary>
public sealed class ExchangeForbiddenException(string message, string field) : DomainException(message, field);
