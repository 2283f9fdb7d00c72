namespace DirectiveHub.Exchange;

/// <summary>One package pushed (or waiting to be pushed) to an exchange peer, as the issuer's tracking page lists it.</summary>
public sealed record ExchangeDeliveryRow(string PeerCode, string PeerName, string Units, DateTime QueuedAt, DateTime? SentAt, int Attempts, DateTime? NextAttemptAt, string? LastError);
