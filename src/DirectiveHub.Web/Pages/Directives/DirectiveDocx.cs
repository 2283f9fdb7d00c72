using DirectiveHub.Directives;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>The print layout as a Word document (A4, Times New Roman), for offices that still sign on paper.</summary>
public static class DirectiveDocx
{
    private const string Font = "Times New Roman";

    public static byte[] Build(PrintedDirective doc)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();

            var left = new List<Paragraph>();
            if (doc.ParentBody is not null)
            {
                left.Add(Line(doc.ParentBody, JustificationValues.Center, size: 26));
            }

            left.Add(Line(doc.Issuer, JustificationValues.Center, bold: true, size: 26));
            left.Add(Line("*", JustificationValues.Center, size: 26));
            left.Add(Line(doc.NumberLine, JustificationValues.Center, size: 26));
            if (doc.TypeTitle is null)
            {
                left.Add(Line(doc.SubjectLine, JustificationValues.Center, italic: true, size: 24));
            }

            foreach (var stamp in new[] { doc.UrgencyStamp, doc.ConfidentialityStamp }.OfType<string>())
            {
                left.Add(Line(stamp, JustificationValues.Center, bold: true, size: 26));
            }

            var right = new List<Paragraph>
            {
                Line(PrintedDirective.NationalHeading, JustificationValues.Center, bold: true, underline: true),
                Line(doc.DateLine, JustificationValues.Right, italic: true),
            };
            body.Append(TwoColumns(left, right, 45));

            if (doc.IsDraft)
            {
                body.Append(Line("DỰ THẢO", JustificationValues.Right, bold: true));
            }

            if (doc.TypeTitle is not null)
            {
                body.Append(Line(doc.TypeTitle, JustificationValues.Center, bold: true, size: 30));
                body.Append(Line(doc.SubjectLine, JustificationValues.Center, bold: true));
            }

            if (doc.Recipients.Count == 1)
            {
                body.Append(Line($"Kính gửi: {doc.Recipients[0]}", JustificationValues.Center));
            }
            else if (doc.Recipients.Count > 1)
            {
                body.Append(Line("Kính gửi:", JustificationValues.Center));
                foreach (var line in doc.RecipientLines())
                {
                    body.Append(Line(line, JustificationValues.Left, indentTwips: 2268));
                }
            }

            if (doc.Preamble is not null)
            {
                body.Append(BodyText(doc.Preamble));
            }

            foreach (var (label, text, level) in doc.Tasks)
            {
                body.Append(BodyText($"{label} {text}", level));
            }

            if (doc.Closing is not null)
            {
                body.Append(BodyText(doc.Closing));
            }

            var distribution = new List<Paragraph> { Line("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: 24) };
            distribution.AddRange(doc.Distribution.Select(d => Line(d, JustificationValues.Left, size: 22)));
            var signature = new List<Paragraph>();
            if (doc.AuthorityLine is not null)
            {
                signature.Add(Line(doc.AuthorityLine, JustificationValues.Center, bold: true));
            }

            if (doc.Position is not null)
            {
                signature.Add(Line(doc.Position, JustificationValues.Center, bold: true));
            }

            signature.Add(Line(string.Empty, JustificationValues.Center));
            signature.Add(Line(string.Empty, JustificationValues.Center));
            signature.Add(Line(doc.SignerName ?? string.Empty, JustificationValues.Center, bold: true));
            body.Append(TwoColumns(distribution, signature, 50));

            // A4 with the guide's margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftPercent)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableRow(
            Cell(left, leftPercent * 50),
            Cell(right, (100 - leftPercent) * 50)));
        return table;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int widthFiftieths)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var any = false;
        foreach (var paragraph in paragraphs)
        {
            cell.Append(paragraph);
            any = true;
        }

        if (!any)
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    private static Paragraph BodyText(string text, int level = 0) =>
        new(
            new ParagraphProperties(
                new Justification { Val = JustificationValues.Both },
                new Indentation { FirstLine = level == 0 ? "567" : "851" },
                new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto }),
            TextRun(text, bold: false, italic: false, underline: false, size: 28));

    private static Paragraph Line(string text, JustificationValues justification, bool bold = false, bool italic = false, bool underline = false, int size = 28, int indentTwips = 0)
    {
        var properties = new ParagraphProperties(new Justification { Val = justification }, new SpacingBetweenLines { After = "0" });
        if (indentTwips > 0)
        {
            properties.Append(new Indentation { Left = indentTwips.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Paragraph(properties, TextRun(text, bold, italic, underline, size));
    }

    private static Run TextRun(string text, bool bold, bool italic, bool underline, int size)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
