using System.IO.Compression;
using System.Text;
using System.Xml;

namespace DirectiveHub.Import;

/// <summary>
/// The text of a .docx as a copy from Word gives it: one line per paragraph, table cells in reading order
/// (the header block is usually a two-column table), bold runs wrapped in "**" as the parser expects.
/// The archive is checked against <see cref="ZipLimits"/> first and the body XML is streamed through a bounded
/// reader, so a decompression bomb is refused without being inflated.
/// </summary>
public static class DocxText
{
    public const long MaxDocumentXmlBytes = 32L * 1024 * 1024;

    public const int MaxTextChars = 2 * 1024 * 1024;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public sealed record Result(string? Text, string? Error);

    /// <returns>The text, or null when the stream is not a Word document or is refused.</returns>
    public static string? Extract(Stream docx) => Read(docx).Text;

    public static Result Read(Stream docx)
    {
        if (ZipLimits.Check(docx) is { } refused)
        {
            return new Result(null, refused);
        }

        try
        {
            using var archive = new ZipArchive(docx, ZipArchiveMode.Read, leaveOpen: true);
            var part = archive.GetEntry(MainPartName(archive) ?? "word/document.xml");
            if (part is null)
            {
                return new Result(null, NotWord);
            }

            using var xml = new BoundedStream(part.Open(), MaxDocumentXmlBytes);
            return new Result(Text(xml), null);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or XmlException)
        {
            return new Result(null, NotWord);
        }
        finally
        {
            docx.Position = 0;
        }
    }

    public const string NotWord = "Tệp không phải văn bản Word (.docx) đọc được.";

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = MaxDocumentXmlBytes,
    };

    /// <summary>The main part named by the package relationships (almost always word/document.xml).</summary>
    private static string? MainPartName(ZipArchive archive)
    {
        if (archive.GetEntry("_rels/.rels") is not { } rels)
        {
            return null;
        }

        using var stream = new BoundedStream(rels.Open(), 1024 * 1024);
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true
                && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                return target.TrimStart('/');
            }
        }

        return null;
    }

    private static string Text(Stream xml)
    {
        var text = new StringBuilder();
        var run = new StringBuilder();
        var bold = false;
        var inRunProperties = false;
        using var reader = XmlReader.Create(xml, Settings);
        var more = reader.Read();
        while (more && text.Length < MaxTextChars)
        {
            if (reader.NamespaceURI == W && reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !reader.IsEmptyElement)
            {
                // Reading the content moves past </w:t> onto the next node, which the loop must not skip.
                run.Append(reader.ReadElementContentAsString());
                more = !reader.EOF;
                continue;
            }

            if (reader.NamespaceURI != W)
            {
                more = reader.Read();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "r":
                        run.Clear();
                        bold = false;
                        break;
                    case "rPr":
                        inRunProperties = !reader.IsEmptyElement;
                        break;
                    case "b" when inRunProperties:
                        bold = reader.GetAttribute("val", W) is not ("false" or "0" or "off");
                        break;
                    case "tab":
                        run.Append(' ');
                        break;
                    case "br" or "cr":
                        run.Append('\n');
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "rPr":
                        inRunProperties = false;
                        break;
                    case "r":
                        var value = run.ToString();
                        text.Append(bold && value.Trim().Length > 0 ? $"**{value}**" : value);
                        break;
                    case "p":
                        text.Append('\n');
                        break;
                }
            }

            more = reader.Read();
        }

        return text.ToString();
    }
}
