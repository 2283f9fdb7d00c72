using DirectiveHub.Assignments;

namespace DirectiveHub.Tracking;

public sealed record TrackingUnit(Guid TaskAssignmentId, Guid OrganizationId, string Name, AssignmentRole Role, ProgressStatus Status, bool Overdue, DateTime? LastReportAt, string? LastNote);
