namespace DirectiveHub.Registers;

/// <summary>
/// A line of the follow-up register (sổ theo dõi giải quyết văn bản đến): one task of an incoming directive as the
/// unit carries it out.
/// </summary>
public sealed record FollowUpRegisterRow(
    Guid DirectiveId,
    Guid TaskAssignmentId,
    int ArrivalNumber,
    string Number,
    DateOnly IssuedOn,
    string Subject,
    string Task,
    string Handler,
    DateOnly? Deadline,
    string Progress,
    string? ResultNumber,
    DateOnly? ResultDate,
    string? Notes);
