using DirectiveHub.Directives;

namespace DirectiveHub.Inbox;

/// <summary>A row of the inbox. Init properties, not a positional record: EF can filter and sort on them after projecting.</summary>
public sealed record InboxRow
{
    public Guid DirectiveId { get; init; }

    public string? Number { get; init; }

    public string DocumentType { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public DateOnly? IssuedOn { get; init; }

    public Urgency Urgency { get; init; }

    public string? IssuerName { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    public DateOnly? NearestDeadline { get; init; }

    public bool Overdue { get; init; }

    /// <summary>The officer named to handle the unit's (first) task of it (người xử lý), if any.</summary>
    public string? Handler { get; init; }
}
