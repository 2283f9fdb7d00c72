namespace DirectiveHub.Directives;

/// <summary>Everything a clerk edits in a draft. Pages, the API and the importer all build one and hand it to the domain.</summary>
public sealed record DirectiveContent
{
    public required string DocumentType { get; init; }

    public required string Subject { get; init; }

    public string? Place { get; init; }

    public Urgency Urgency { get; init; }

    public Confidentiality Confidentiality { get; init; }

    public string? Preamble { get; init; }

    public string? Closing { get; init; }

    public IReadOnlyList<RecipientContent> Recipients { get; init; } = [];

    public IReadOnlyList<TaskContent> Tasks { get; init; } = [];

    public IReadOnlyList<DistributionContent> Distribution { get; init; } = [];

    public Signer Signer { get; init; } = Signer.Empty;

    public IReadOnlyList<ReferenceContent> References { get; init; } = [];
}

/// <summary>A recipient: an organization of the tree, or free text such as "Như kính gửi".</summary>
public sealed record RecipientContent(Guid? OrganizationId, string Text);

public sealed record TaskContent(
    string Text,
    DateOnly? Deadline,
    Guid? LeadOrganizationId,
    IReadOnlyList<Guid> CoordinatingOrganizationIds,
    IReadOnlyList<TaskContent> Subtasks,
    Calendar.ReceiptDeadline? DeadlineAfterReceipt = null);

public sealed record DistributionContent(string Text, string? Purpose);

/// <summary>A reference to another document: by link when it is in the system, by its number text otherwise.</summary>
public sealed record ReferenceContent(Guid? DirectiveId, string? Number);
