namespace DirectiveHub.Exchange;

/// <summary>
/// A published directive waiting to go to a peer that carries some of its receiving units: written in the publish's
/// own transaction (so a directive is never published without its deliveries, nor a delivery left for a directive that
/// was not), sent by the exchange worker with the mail outbox's back-off. One per directive and peer; the receiver's
/// import is idempotent, so a retry after a lost answer still makes one directive there.
/// </summary>
public sealed class OutgoingPackage : IOutgoing
{
    public const int MaxUnitsLength = 2000;

    private OutgoingPackage()
    {
        PeerCode = null!;
        Units = null!;
    }

    public OutgoingPackage(Guid directiveId, string peerCode, IEnumerable<string> unitCodes, DateTime createdAtUtc)
    {
        DirectiveId = directiveId;
        PeerCode = peerCode;
        var units = string.Join(", ", unitCodes);
        Units = units.Length > MaxUnitsLength ? units[..MaxUnitsLength] : units;
        CreatedAt = createdAtUtc;
        NextAttemptAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public string PeerCode { get; private set; }

    /// <summary>The exchange codes of the receiving units this peer carries, as the issuer's clerk sees them.</summary>
    public string Units { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime nowUtc)
    {
        SentAt = nowUtc;
        LastError = null;
    }

    /// <summary>Keeps the package for a later attempt, as the mail outbox does (<see cref="Notifications.DeliveryRetry"/>).</summary>
    public void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = Notifications.DeliveryRetry.Kept(error);
        NextAttemptAt = Notifications.DeliveryRetry.NextAttemptAt(Attempts, nowUtc);
    }
}
