namespace DirectiveHub.Printing;

/// <summary>A PDF to send to the caller; <see cref="IsRecordCopy"/> is false for one rendered on demand.</summary>
public sealed record PdfFile(Stream Content, string FileName, bool IsRecordCopy, string? Sha256);
