namespace DirectiveHub.Auditing;

/// <summary>An append-only record of who did what to which entity, when and from where. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Action = null!;
        EntityType = null!;
    }

    public AuditEvent(string action, string entityType, string? entityId, Guid? userId, string? userName, Guid? organizationId, string? ipAddress, string? details, DateTime occurredAtUtc, Guid? onBehalfOfUserId = null, string? onBehalfOfName = null)
    {
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        UserId = userId;
        UserName = userName;
        OrganizationId = organizationId;
        IpAddress = ipAddress;
        Details = details;
        OccurredAt = occurredAtUtc;
        OnBehalfOfUserId = onBehalfOfUserId;
        OnBehalfOfName = onBehalfOfName;
    }

    public long Id { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>The absent user the actor stood in for ("X thay Y"), if any.</summary>
    public Guid? OnBehalfOfUserId { get; private set; }

    public string? OnBehalfOfName { get; private set; }

    /// <summary>What changed, as JSON.</summary>
    public string? Details { get; private set; }
}
