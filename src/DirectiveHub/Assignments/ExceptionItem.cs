namespace DirectiveHub.Assignments;

/// <summary>
/// One late task assignment on the exception view: who is late, by how many working days, what is missing, the
/// blocker the unit reported, and which level must decide (the directive's issuer, who assigned the task).
/// </summary>
public sealed record ExceptionItem(
    Guid TaskAssignmentId,
    Guid DirectiveId,
    Guid TaskId,
    string? DirectiveNumber,
    string DirectiveSubject,
    string TaskLabel,
    string TaskText,
    Guid OrganizationId,
    string OrganizationName,
    AssignmentRole Role,
    DateOnly Deadline,
    int DaysLate,
    ExceptionLevel Level,
    ExceptionMissing Missing,
    string? Blocker,
    Guid DecidingOrganizationId,
    string DecidingOrganizationName);
