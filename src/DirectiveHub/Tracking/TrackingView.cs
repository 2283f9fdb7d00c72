namespace DirectiveHub.Tracking;

/// <summary>How one directive is being carried out (<see cref="TrackingQuery"/>).</summary>
public sealed record TrackingView(
    Guid Id,
    string? Number,
    string Subject,
    string? IssuerName,
    DateOnly? IssuedOn,
    IReadOnlyList<TrackingRecipient> Recipients,
    IReadOnlyList<TrackingTask> Tasks,
    IReadOnlyList<TrackingCascade> ImplementedBy,
    Guid IssuerId = default);
