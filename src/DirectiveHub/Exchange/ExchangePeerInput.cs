namespace DirectiveHub.Exchange;

/// <summary>
/// What an administrator submits for a peer. A blank key leaves the stored one as it is (keys are never shown back, so
/// an edit form cannot carry them).
/// </summary>
public sealed record ExchangePeerInput(string? Code, string? Name, string? Url, string? Key, string? OutboundKey, IReadOnlyList<string>? Units, bool IsDisabled);
