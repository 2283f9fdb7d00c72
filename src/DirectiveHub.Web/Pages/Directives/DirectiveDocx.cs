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
                // As in print: "Kính gửi:" on the line of the first recipient (a hanging indent with a tab to the list's
                // column), the other recipients aligned under it.
                var lines = doc.RecipientLines();
                for (var i = 0; i < lines.Count; i++)
                {
                    body.Append(RecipientLine(i == 0 ? "Kính gửi:" : null, lines[i]));
                }
            }

            // One Word paragraph per typed line break (never a break inside one run); the last paragraph is kept on the
            // page of "Nơi nhận" and the signature.
            var paragraphs = doc.BodyParagraphs();
            for (var i = 0; i < paragraphs.Count; i++)
            {
                body.Append(BodyText(paragraphs[i].Text, paragraphs[i].Level, keepWithNext: i == paragraphs.Count - 1));
            }

            // No heading over an empty list (a received copy registered without it), as in the print view.
            var distribution = doc.Distribution.Count == 0 ? new List<Paragraph>() : [Line("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: 24)];
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

            signature.Add(SignatureSpace());
            signature.Add(Line(doc.SignerName ?? string.Empty, JustificationValues.Center, bold: true));
            var footer = TwoColumns(distribution, signature, 50);
            foreach (var row in footer.Elements<TableRow>())
            {
                row.PrependChild(new TableRowProperties(new CantSplit()));
            }

            foreach (var paragraph in footer.Descendants<Paragraph>())
            {
                paragraph.ParagraphProperties ??= new ParagraphProperties();
                paragraph.ParagraphProperties.KeepNext = new KeepNext();
            }

            body.Append(footer);

            // Pages are numbered from page 2 on, centred at the top (the format guide, as the print view and the PDF):
            // a header with a PAGE field on every page, and an empty one on the first (a distinct title page).
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = PageNumberHeader();
            numbered.Header.Save();
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            first.Header.Save();

            // A4 with the guide's margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 720U, Footer = 720U, Gutter = 0U },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The page number, centred, in the body's font at 13 pt (print.css's @top-center): a PAGE field Word and LibreOffice update as they lay out.</summary>
    private static Header PageNumberHeader()
    {
        var size = new FontSize { Val = "26" };
        RunProperties Properties() => new(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, (FontSize)size.CloneNode(true));
        return new Header(new Paragraph(
            new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Properties(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Properties(), new DocumentFormat.OpenXml.Wordprocessing.Text("2")),
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.End })));
    }

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftPercent)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            // The schema's order (top, left, bottom, right): Word's validator rejects another.
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None })));
        // The grid the schema requires before the rows: the text width (A4 less the margins) split as the cells are.
        const int textWidth = 11906 - 1701 - 851;
        table.Append(new TableGrid(
            new GridColumn { Width = (textWidth * leftPercent / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new GridColumn { Width = (textWidth * (100 - leftPercent) / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
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

    /// <summary>The signing space: the print view's (<see cref="PrintedDirective.SignatureSpaceEm"/> lines of the 14 pt body), as one exact-height line.</summary>
    public const int SignatureSpaceTwips = (int)(PrintedDirective.SignatureSpaceEm * 14 * 20);

    // Where the recipients' list starts (7 cm from the margin) and how far "Kính gửi:" hangs left of it (2.5 cm).
    private const int RecipientColumnTwips = 3969;
    private const int RecipientLabelTwips = 1417;

    private static Paragraph SignatureSpace() =>
        new(
            new ParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = SignatureSpaceTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            TextRun(string.Empty, bold: false, italic: false, underline: false, size: 28));

    private static Paragraph RecipientLine(string? label, string text)
    {
        var properties = new ParagraphProperties(
            new Tabs(new TabStop { Val = TabStopValues.Left, Position = RecipientColumnTwips }),
            new SpacingBetweenLines { After = "0" },
            label is null
                ? new Indentation { Left = RecipientColumnTwips.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new Indentation
                {
                    Left = RecipientColumnTwips.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Hanging = RecipientLabelTwips.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        var paragraph = new Paragraph(properties);
        if (label is not null)
        {
            paragraph.Append(TextRun(label, bold: false, italic: false, underline: false, size: 28));
            paragraph.Append(new Run(new TabChar()));
        }

        paragraph.Append(TextRun(text, bold: false, italic: false, underline: false, size: 28));
        return paragraph;
    }

    private static Paragraph BodyText(string text, int level, bool keepWithNext)
    {
        // Set through the typed properties, which keep the schema's element order (Word rejects some out-of-order files).
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto },
            Indentation = new Indentation { FirstLine = level == 0 ? "567" : "851" },
            Justification = new Justification { Val = JustificationValues.Both },
        };
        if (keepWithNext)
        {
            properties.KeepNext = new KeepNext();
        }

        return new Paragraph(properties, TextRun(text, bold: false, italic: false, underline: false, size: 28));
    }

    private static Paragraph Line(string text, JustificationValues justification, bool bold = false, bool italic = false, bool underline = false, int size = 28, int indentTwips = 0)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
            Justification = new Justification { Val = justification },
        };
        if (indentTwips > 0)
        {
            properties.Indentation = new Indentation { Left = indentTwips.ToString(System.Globalization.CultureInfo.InvariantCulture) };
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

        // The schema puts the size before the underline.
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
