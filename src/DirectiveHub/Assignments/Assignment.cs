namespace DirectiveHub.Assignments;

/// <summary>A published directive as received by one recipient organization, with its acknowledgment of receipt.</summary>
public sealed class Assignment
{
    private Assignment()
    {
    }

    /// <summary>A receipt for a unit that took over another's open work (the 2025 reform).</summary>
    public static Assignment ForSuccessor(Guid directiveId, Guid organizationId) => new(directiveId, organizationId, 1000);

    internal Assignment(Guid directiveId, Guid organizationId, int position)
    {
        DirectiveId = directiveId;
        OrganizationId = organizationId;
        Position = position;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public int Position { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Records who acknowledged and when, once: repeating it changes nothing.</summary>
    /// <returns>True when this call recorded the acknowledgment.</returns>
    public bool Acknowledge(Guid userId, DateTime nowUtc)
    {
        if (IsAcknowledged)
        {
            return false;
        }

        AcknowledgedAt = nowUtc;
        AcknowledgedById = userId;
        return true;
    }
}
