namespace DirectiveHub.Exchange;

/// <param name="Created">False when the same package had been received before (nothing was added).</param>
public sealed record PackageImportResult(Guid DirectiveId, string Number, bool Created, string? SignatureSummary);
