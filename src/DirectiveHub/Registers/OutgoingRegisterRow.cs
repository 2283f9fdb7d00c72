namespace DirectiveHub.Registers;

/// <summary>A line of the outgoing register (sổ đăng ký văn bản đi).</summary>
public sealed record OutgoingRegisterRow(
    Guid DirectiveId,
    string Number,
    DateOnly IssuedOn,
    string DocumentType,
    string Subject,
    string Signer,
    IReadOnlyList<string> Recipients,
    string? FileCopy,
    int Copies,
    string? Notes);
