namespace DirectiveHub.Exchange;

/// <summary>One status that came back from a receiving unit over the exchange, as the tracking page lists it.</summary>
public sealed record ExchangeStatusRow(Guid OrganizationId, string StatusCode, string Status, string? Staff, DateTime OccurredAt, DateTime ReceivedAt);
