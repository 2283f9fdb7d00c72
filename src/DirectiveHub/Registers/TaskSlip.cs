namespace DirectiveHub.Registers;

/// <summary>
/// The task slip (phiếu giao việc / phiếu giải quyết văn bản đến, Phụ lục IV §VII) of a directive received by a unit:
/// the incoming document as registered, its tasks with their lead, coordinators and deadlines, and the leader's
/// instruction with who wrote it and when (all null until one is written).
/// </summary>
public sealed record TaskSlip(
    Guid DirectiveId,
    string UnitName,
    string? UnitParentName,
    string? Place,
    int? ArrivalNumber,
    DateTime? ArrivedAt,
    string Issuer,
    string Number,
    DateOnly IssuedOn,
    string Subject,
    IReadOnlyList<TaskSlipLine> Tasks,
    string? Instruction = null,
    string? InstructedBy = null,
    DateTime? InstructedAt = null);
