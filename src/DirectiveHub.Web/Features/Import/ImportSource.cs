using DirectiveHub.Directives;
using DirectiveHub.Import;

namespace DirectiveHub.Web.Features.Import;

/// <summary>The text to import: pasted, or read from an uploaded .docx (recognized by its content, not its name).</summary>
public static class ImportSource
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static async Task<string?> ReadAsync(string? pasted, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 and <= MaxBytes })
        {
            await using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            return FileTypes.Detect(content)?.Extension == ".docx" ? DocxText.Extract(content) : null;
        }

        return string.IsNullOrWhiteSpace(pasted) ? null : pasted;
    }
}
