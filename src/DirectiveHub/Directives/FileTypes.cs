using System.IO.Compression;

namespace DirectiveHub.Directives;

/// <summary>
/// Recognizes the attachment types DirectiveHub accepts by their content, never by their name: PDF, DOCX, XLSX,
/// PNG, JPEG and WebP. Anything else (an executable renamed to .pdf, an old .doc) is refused.
/// </summary>
public static class FileTypes
{
    public sealed record Detected(string ContentType, string Extension);

    /// <summary>The name users see: the uploaded name without its path or extension, bounded, with the detected extension.</summary>
    public static string SafeName(string? fileName, string fallback, Detected type)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? ""));
        return (string.IsNullOrWhiteSpace(name) ? fallback : name[..Math.Min(name.Length, 200)]) + type.Extension;
    }

    public static Detected? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[12];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];

        if (head.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf");
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return new("image/png", ".png");
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return new("image/jpeg", ".jpg");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return DetectOfficeDocument(content);
        }

        return null;
    }

    private static Detected? DetectOfficeDocument(Stream content)
    {
        // Refuse a decompression bomb from its directory before listing a possibly huge number of entries.
        if (Import.ZipLimits.Check(content) is not null)
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("word/document.xml"))
            {
                return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            }

            return names.Contains("xl/workbook.xml")
                ? new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
