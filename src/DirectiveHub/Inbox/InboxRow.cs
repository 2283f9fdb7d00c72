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

    /// <summary>The officers named to handle the unit's tasks of it (người xử lý), in task order, each once.</summary>
    public IReadOnlyList<string> Handlers { get; init; } = [];

    /// <summary>The handler of the unit's first handled task, as the API has always given it.</summary>
    public string? Handler => Handlers.Count > 0 ? Handlers[0] : null;
}
