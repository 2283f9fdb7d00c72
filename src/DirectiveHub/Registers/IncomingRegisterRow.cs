namespace DirectiveHub.Registers;

/// <summary>A line of the incoming register (sổ đăng ký văn bản đến). <see cref="ArrivedAt"/> is UTC.</summary>
public sealed record IncomingRegisterRow(
    Guid DirectiveId,
    int ArrivalNumber,
    DateTime ArrivedAt,
    string Issuer,
    string Number,
    DateOnly IssuedOn,
    string DocumentType,
    string Subject,
    string? HandedTo,
    string? Notes);
