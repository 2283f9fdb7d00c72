namespace DirectiveHub.Exchange;

/// <summary>A unit as edXML names it: its exchange code (OrganId) and printed name.</summary>
public sealed record ExchangeUnit(string Code, string Name);
