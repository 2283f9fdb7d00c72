namespace DirectiveHub.Exchange;

/// <summary>
/// A status message that came back for a directive issued here, from one of its receiving units: what the tracking
/// page shows beside that unit. The same code from the same unit for the same directive is recorded once.
/// </summary>
public sealed class ReceivedStatus
{
    private ReceivedStatus()
    {
        UnitCode = null!;
        StatusCode = null!;
    }

    public ReceivedStatus(Guid directiveId, Guid organizationId, string unitCode, string statusCode, string? description, string? staff, DateTime occurredAtUtc, string? peerCode, DateTime receivedAtUtc)
    {
        DirectiveId = directiveId;
        OrganizationId = organizationId;
        UnitCode = unitCode;
        StatusCode = statusCode;
        Description = description;
        Staff = staff;
        OccurredAt = occurredAtUtc;
        PeerCode = peerCode;
        ReceivedAt = receivedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string UnitCode { get; private set; }

    public string StatusCode { get; private set; }

    public string? Description { get; private set; }

    public string? Staff { get; private set; }

    /// <summary>When the receiving system says it happened (edXML Timestamp).</summary>
    public DateTime OccurredAt { get; private set; }

    public string? PeerCode { get; private set; }

    public DateTime ReceivedAt { get; private set; }
}
