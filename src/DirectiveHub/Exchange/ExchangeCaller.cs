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

    /// <summary>Whether this caller may act for <paramref name="unitCode"/>'s unit at <paramref name="unitPath"/>.</summary>
    public bool MayActFor(Guid unitId, string unitPath, string unitCode) => Peer is { } peer
        ? peer.Carries(unitCode)
        : !IsUser || (IsClerk && unitId == OrganizationId) || (IsAdmin && OrganizationPath is not null && unitPath.StartsWith(OrganizationPath, StringComparison.Ordinal));
}
