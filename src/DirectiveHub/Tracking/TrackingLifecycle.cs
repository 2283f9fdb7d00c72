using DirectiveHub.Assignments;

namespace DirectiveHub.Tracking;

/// <summary>What the issuer decides on for one assignment: the latest result, the pending extension, the counts, the grade.</summary>
public sealed record TrackingLifecycle(
    bool Acknowledged,
    DateOnly? OriginalDeadline,
    int Extensions,
    int Urgings,
    int Returns,
    ResultQuality? Quality,
    ResultTiming? Timing,
    string? ResultNumber,
    DateOnly? ResultIssuedOn,
    DateTime? SubmittedAt,
    Guid? ResultReportId,
    Guid? PendingExtensionId,
    DateOnly? PendingExtensionDeadline,
    string? PendingExtensionReason,
    string? RefusalReason,
    string? CancellationReason,
    int Version,
    TaskState State)
{
    /// <summary>The national exchange's status code for this state.</summary>
    public string ExchangeStatusCode(ProgressStatus status) => ExchangeStatus.Of(status, Acknowledged);
}
