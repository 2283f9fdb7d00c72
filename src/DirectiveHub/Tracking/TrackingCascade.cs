namespace DirectiveHub.Tracking;

/// <summary>
/// A directive issued to carry this one out, with its own progress and the directives beneath it. It carries a number
/// and figures, no content: a confidential one is counted like any other.
/// </summary>
public sealed record TrackingCascade(Guid DirectiveId, string? Number, Guid OrganizationId, string? IssuerName, int Total, int Done, int Overdue, IReadOnlyList<TrackingCascade> ImplementedBy);
