using DirectiveHub.Import;

namespace DirectiveHub.Web.Features.Import;

/// <summary>
/// The text to import: pasted, or read from an uploaded file (.txt, .docx, PDF, scan or photo; recognized by its
/// content, not its name) through the domain's <see cref="ImportReader"/>.
/// </summary>
public static class ImportSource
{
    public const long MaxBytes = ImportReader.MaxBytes;

    /// <returns>null when nothing was given; else the text, or the Vietnamese reason the file could not be read.</returns>
    public static async Task<ImportedText?> ReadAsync(HttpContext context, string? pasted, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            return await ContentOfAsync(file, cancellationToken) is { } content
                ? await ReadAsync(context, content, cancellationToken)
                : ImportedText.Failed("file", ImportReader.TooLarge);
        }

        return string.IsNullOrWhiteSpace(pasted) ? null : new ImportedText(pasted, "text", null, [], null);
    }

    public static Task<ImportedText> ReadAsync(HttpContext context, byte[] content, CancellationToken cancellationToken) =>
        context.RequestServices.GetRequiredService<ImportReader>().ReadAsync(content, cancellationToken);

    /// <returns>The uploaded bytes, or null when the file is over <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ContentOfAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            return null;
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        return content.ToArray();
    }

    /// <summary>The OCR note for the clerk: how sure the reading is, and which fields hold doubtful words.</summary>
    public static IEnumerable<(string Field, bool Doubtful)> DoubtfulFields(ImportedText imported, ParsedDirective parsed)
    {
        if (imported.DoubtfulWords.Count == 0)
        {
            yield break;
        }

        var words = imported.DoubtfulWords.ToHashSet(StringComparer.Ordinal);
        bool Has(string? value) => value is not null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(words.Contains);
        yield return ("DocumentType", Has(parsed.Number));
        yield return ("Subject", Has(parsed.Subject));
        yield return ("Place", Has(parsed.Place) || Has(parsed.IssuedOn?.ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        yield return ("Recipients", parsed.Recipients.Any(Has));
        yield return ("Tasks", parsed.Tasks.Any(t => Has(t.Text)));
        yield return ("Signer", Has(parsed.Signer.Name) || Has(parsed.Signer.Position));
        yield return ("Distribution", parsed.Distribution.Any(Has));
    }

    public static string? OcrNote(ImportedText imported) =>
        imported.Confidence is { } confidence
            ? FormattableString.Invariant($"Văn bản được đọc bằng nhận dạng chữ (OCR), độ tin cậy trung bình {confidence:0.#}/100. Các trường tô màu có chữ nhận dạng chưa chắc chắn: hãy đối chiếu với bản gốc.")
            : null;
}
