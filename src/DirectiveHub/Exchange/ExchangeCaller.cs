namespace DirectiveHub.Exchange;

/// <summary>
/// Who hands a package or a status in: a peer system authenticated by its key (<see cref="Peer"/>), a signed-in user
/// (a clerk of a receiving unit, an administrator above it), or the folder drop (neither: trusted as the operator's).
/// </summary>
public sealed record ExchangeCaller(ExchangePeer? Peer, Guid? UserId, string? UserName, Guid? OrganizationId, string? OrganizationPath, bool IsClerk, bool IsAdmin, string? IpAddress)
{
    public static readonly ExchangeCaller Folder = new(null, null, "folder", null, null, false, false, null);

    public static ExchangeCaller FromPeer(ExchangePeer peer, string? ipAddress) => new(peer, null, "peer:" + peer.Code, null, null, false, false, ipAddress);

    public bool IsUser => UserId is not null;

    /// <summary>
    /// Whether a user may act for the unit at <paramref name="unitPath"/>: its clerk, or an administrator above it.
    /// Peers and the folder are checked by what they carry, not by this.
    /// </summary>
    public bool MayActFor(Guid unitId, string unitPath) =>
        !IsUser || (IsClerk && unitId == OrganizationId) || (IsAdmin && OrganizationPath is not null && unitPath.StartsWith(OrganizationPath, StringComparison.Ordinal));
}
