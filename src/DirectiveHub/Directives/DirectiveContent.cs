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
