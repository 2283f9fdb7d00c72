namespace DirectiveHub.Tracking;

/// <summary>A report's evidence file as the tracking page links it (downloaded through <see cref="Assignments.EvidenceQuery"/>).</summary>
public sealed record TrackingEvidence(Guid Id, string FileName, DateTime ReportedAt);
