using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DirectiveHub.Import;

/// <summary>
/// The text of a .docx as a copy from Word gives it: one line per paragraph, table cells in reading order
/// (the header block is usually a two-column table), bold runs wrapped in "**" as the parser expects.
/// </summary>
public static class DocxText
{
    /// <returns>The text, or null when the stream is not a Word document.</returns>
    public static string? Extract(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                foreach (var run in paragraph.Elements<Run>())
                {
                    var value = string.Concat(run.Elements().Select(e => e switch
                    {
                        DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
                        TabChar => " ",
                        Break => "\n",
                        _ => string.Empty,
                    }));
                    var bold = run.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value);
                    text.Append(bold && value.Trim().Length > 0 ? $"**{value}**" : value);
                }

                text.Append('\n');
            }

            return text.ToString();
        }
        catch (Exception exception) when (exception is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.IO.IOException or System.Xml.XmlException or FileFormatException)
        {
            return null;
        }
    }
}
