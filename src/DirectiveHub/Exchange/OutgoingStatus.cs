namespace DirectiveHub.Exchange;

/// <summary>
/// A status message waiting to go back to the issuer: written in the same transaction as the change it reports, sent
/// by the exchange worker with retries (the outbox pattern of the mail). One per receiving unit, package and code.
/// </summary>
public sealed class OutgoingStatus : IOutgoing
{
    private OutgoingStatus()
    {
        StatusCode = null!;
        Body = null!;
    }

    public OutgoingStatus(Guid receivedPackageId, Guid organizationId, string statusCode, string? peerCode, byte[] body, DateTime createdAtUtc)
    {
        ReceivedPackageId = receivedPackageId;
        OrganizationId = organizationId;
        StatusCode = statusCode;
        PeerCode = peerCode;
        Body = body;
        CreatedAt = createdAtUtc;
        NextAttemptAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ReceivedPackageId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string StatusCode { get; private set; }

    public string? PeerCode { get; private set; }

    /// <summary>The edXML status message as sent.</summary>
    public byte[] Body { get; private set; }

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

    /// <summary>Keeps the message for a later attempt, as the mail outbox does (<see cref="Notifications.DeliveryRetry"/>).</summary>
    public void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = Notifications.DeliveryRetry.Kept(error);
        NextAttemptAt = Notifications.DeliveryRetry.NextAttemptAt(Attempts, nowUtc);
    }
}
