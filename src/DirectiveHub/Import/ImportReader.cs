using System.Text;
using DirectiveHub.Directives;

namespace DirectiveHub.Import;

/// <summary>
/// Every way text comes in, recognized by content, never by name: plain text, .docx, a PDF with a text layer,
/// and a scanned PDF or a photo (PNG, JPEG) through OCR. The CLI, the API and the import page all call this.
/// </summary>
public sealed class ImportReader(OcrText ocr)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string TooLarge = "Tệp quá lớn (tối đa 10 MB).";

    public const string Unsupported = "Không đọc được loại tệp này: hãy tải văn bản (.txt), Word (.docx), PDF, hoặc ảnh chụp PNG/JPEG.";

    public async Task<ImportedText> ReadAsync(byte[] content, CancellationToken cancellationToken)
    {
        if (content.LongLength > MaxBytes)
        {
            return ImportedText.Failed("file", TooLarge);
        }

        using var stream = new MemoryStream(content, writable: false);
        var extension = FileTypes.Detect(stream)?.Extension;
        switch (extension)
        {
            case ".docx":
                var docx = DocxText.Read(stream);
                return docx.Text is null ? ImportedText.Failed("docx", docx.Error ?? DocxText.NotWord) : new ImportedText(docx.Text, "docx", null, [], null);
            case ".pdf":
                var pdf = PdfText.Read(content);
                if (pdf.Error is not null)
                {
                    return ImportedText.Failed("pdf", pdf.Error);
                }

                return pdf.IsScan ? Ocr(await ocr.ReadPdfAsync(content, pdf.Pages, cancellationToken)) : new ImportedText(pdf.Text, "pdf", null, [], null);
            case ".png" or ".jpg":
                return Ocr(await ocr.ReadImageAsync(content, extension!, cancellationToken));
            case null when IsText(content):
                return new ImportedText(new UTF8Encoding(false).GetString(content), "text", null, [], null);
            default:
                return ImportedText.Failed("file", Unsupported);
        }
    }

    private static ImportedText Ocr(OcrText.Result result) =>
        result.Text is null ? ImportedText.Failed("ocr", result.Error ?? OcrText.Failed) : new ImportedText(result.Text, "ocr", result.Confidence, result.DoubtfulWords, null);

    private static bool IsText(byte[] content)
    {
        // "MZ" opens a Windows executable; control characters other than line breaks and tabs mean binary.
        if (content.AsSpan().StartsWith("MZ"u8) || content.Any(b => b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)))
        {
            return false;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
