namespace DirectiveHub.Exchange;

/// <summary>The <c>Exchange</c> settings: peers, the folder drop, the worker's interval and the bounds of a package.</summary>
public sealed class ExchangeOptions
{
    /// <summary>This instance's system code, sent as <c>X-Exchange-Peer</c> to the peers it posts to.</summary>
    public string SystemCode { get; set; } = "DIRECTIVEHUB";

    /// <summary>The peers of the settings (Exchange:Peers); <see cref="Active"/> adds those administrators keep in the database.</summary>
    public List<ExchangePeer> Peers { get; set; } = [];

    private IReadOnlyList<ExchangePeer>? _active;

    /// <summary>Every peer in use: the settings' and the enabled ones of the database (<see cref="ExchangePeerRegistry"/>).</summary>
    public IReadOnlyList<ExchangePeer> Active => Volatile.Read(ref _active) ?? Peers;

    /// <summary>Swaps in a new list of peers at once, so a request never sees half of an administrator's change.</summary>
    public void UseDatabasePeers(IReadOnlyList<ExchangePeer> databasePeers) =>
        Volatile.Write(ref _active, [.. Peers, .. databasePeers.Where(d => !Peers.Any(p => string.Equals(p.Code, d.Code, StringComparison.Ordinal)))]);

    /// <summary>Packages and statuses dropped here are imported; processed files go to <c>processed/</c> or <c>failed/</c>.</summary>
    public string? InboundFolder { get; set; }

    /// <summary>Statuses for packages that came without a peer address (the folder drop) are written here.</summary>
    public string? OutboundFolder { get; set; }

    public bool WorkerEnabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest package body accepted (base64 makes files a third larger than they are).</summary>
    public long MaxPackageBytes { get; set; } = 64L * 1024 * 1024;

    public int MaxFiles { get; set; } = 20;

    public int MaxRecipients { get; set; } = 200;

    public int MaxTasks { get; set; } = 100;

    /// <summary>A status message is small: anything bigger is not one.</summary>
    public long MaxStatusBytes { get; set; } = 64 * 1024;

    public ExchangePeer? FindPeer(string? code) =>
        string.IsNullOrEmpty(code) ? null : Active.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <summary>The peer that carries a unit's traffic, for replies to a package that came without one (a folder drop).</summary>
    public ExchangePeer? PeerCarrying(string unitCode) =>
        Active.FirstOrDefault(p => p.Units.Contains(unitCode, StringComparer.Ordinal));

    /// <summary>
    /// The peer a published directive is pushed to for a receiving unit: one with an address that names the unit in its
    /// <c>Units</c> (a peer listing no units carries replies for anyone but is never sent every directive).
    /// </summary>
    public ExchangePeer? PeerReaching(string unitCode) =>
        Active.FirstOrDefault(p => p.Url is not null && p.Units.Contains(unitCode, StringComparer.Ordinal));

    /// <summary>Whether <paramref name="presented"/> is the peer's key, compared in constant time.</summary>
    public static bool KeyMatches(ExchangePeer peer, string? presented)
    {
        if ((string.IsNullOrEmpty(peer.Key) && peer.KeySha256 is not { Length: 32 }) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var expected = peer.KeySha256 ?? System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(peer.Key!));
        var given = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
