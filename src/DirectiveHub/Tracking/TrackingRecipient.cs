namespace DirectiveHub.Tracking;

public sealed record TrackingRecipient(Guid OrganizationId, string Name, DateTime? AcknowledgedAt);
