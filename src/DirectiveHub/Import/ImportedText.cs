namespace DirectiveHub.Import;

/// <summary>
/// Text brought in from a file, with where it came from ("text", "docx", "pdf", "ocr"), and for OCR its mean
/// confidence (0–100) and the words it was unsure of. <see cref="Error"/> is a Vietnamese message when the file
/// could not be read; then <see cref="Text"/> is null.
/// </summary>
public sealed record ImportedText(string? Text, string Source, double? Confidence, IReadOnlyList<string> DoubtfulWords, string? Error)
{
    public static ImportedText Failed(string source, string error) => new(null, source, null, [], error);
}
