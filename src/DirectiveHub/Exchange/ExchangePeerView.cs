namespace DirectiveHub.Exchange;

/// <summary>A peer as the administration page and API show it: its keys only as "set" and a four-character hint.</summary>
public sealed record ExchangePeerView(Guid? Id, string Code, string? Name, string? Url, IReadOnlyList<string> Units, bool HasKey, string? KeyHint, bool HasOutboundKey, bool IsDisabled, bool FromSettings, DateTime? UpdatedAt);
