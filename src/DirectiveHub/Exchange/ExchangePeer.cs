namespace DirectiveHub.Exchange;

/// <summary>
/// Another system this instance exchanges with (another DirectiveHub, or an e-office system behind the same protocol),
/// configured under <c>Exchange:Peers</c>. <see cref="Key"/> is what the peer presents to us; <see cref="OutboundKey"/>
/// what we present to it. Neither is ever logged.
/// </summary>
public sealed class ExchangePeer
{
    /// <summary>The peer's system code, sent in the <c>X-Exchange-Peer</c> header.</summary>
    public string Code { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Key { get; set; }

    /// <summary>The SHA-256 of the key the peer presents, for a peer kept in the database (which stores no key in clear).</summary>
    public byte[]? KeySha256 { get; set; }

    /// <summary>The peer's base address: statuses for packages it sent are posted to <c>{Url}/api/exchange/statuses</c>.</summary>
    public Uri? Url { get; set; }

    public string? OutboundKey { get; set; }

    /// <summary>Exchange codes of the units whose packages and statuses this peer carries; empty: any unit.</summary>
    public List<string> Units { get; set; } = [];

    public bool Carries(string unitCode) => Units.Count == 0 || Units.Contains(unitCode, StringComparer.Ordinal);
}
