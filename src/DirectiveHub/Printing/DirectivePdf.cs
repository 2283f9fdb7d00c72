using DirectiveHub.Directives;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DirectiveHub.Printing;

/// <summary>
/// The print layout (<see cref="PrintedDirective"/>) as a PDF on A4: the blocks and rules of the print view, fonts
/// embedded with Unicode text (selectable and searchable), page numbers from page 2, "Nơi nhận" and the signature kept
/// together on one page. The document is returned unsaved so that a signer can add its signature before it is written.
/// </summary>
public static class DirectivePdf
{
    // Hướng dẫn 36-HD/VPTW: top and bottom 20 mm, left 30 mm, right 15 mm; body text 14 pt.
    private const double Mm = 72 / 25.4;
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double Left = 30 * Mm;
    private static readonly double Right = PageWidth - (15 * Mm);
    private static readonly double Top = 20 * Mm;
    private static readonly double Bottom = PageHeight - (20 * Mm);
    private static readonly double Width = Right - Left;
    private const double LineFactor = 1.2;
    private const double ParagraphGap = 6;
    private const double FirstLineIndent = 28;

    public static (PdfDocument Document, SignaturePlacement Signature) Render(PrintedDirective doc)
    {
        var document = new PdfDocument { Language = "vi-VN" };
        document.Info.Title = doc.TypeTitle is null ? $"{doc.NumberLine} {doc.SubjectLine}" : $"{doc.NumberLine} {doc.TypeTitle} {doc.SubjectLine}";
        document.Info.Author = doc.Issuer;
        document.Info.Creator = "DirectiveHub";
        document.Info.Subject = doc.SubjectLine;
        document.Options.CompressContentStreams = true;

        var sheet = new Sheet(document);
        Header(sheet, doc);

        if (doc.TypeTitle is not null)
        {
            sheet.Gap(8);
            sheet.Paragraph(doc.TypeTitle, Sheet.Font(15, bold: true), Align.Center);
            sheet.Paragraph(doc.SubjectLine, Sheet.Font(14, bold: true), Align.Center);
        }

        Recipients(sheet, doc);
        var body = Sheet.Font(14);
        sheet.Gap(ParagraphGap);
        // One paragraph per line break typed; the last is kept on the page of "Nơi nhận" and the signature.
        var paragraphs = doc.BodyParagraphs();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var (text, _) = paragraphs[i];
            if (i == paragraphs.Count - 1)
            {
                sheet.Keep(sheet.Height(text, body, Width - FirstLineIndent) + FooterHeight(sheet, doc));
            }

            sheet.Paragraph(text, body, Align.Justify, firstIndent: FirstLineIndent);
            sheet.Gap(ParagraphGap);
        }

        var signature = Footer(sheet, doc);
        sheet.Finish();
        return (document, signature);
    }

    private static void Header(Sheet sheet, PrintedDirective doc)
    {
        var leftWidth = Width * 0.45;
        var rightX = Left + leftWidth;
        var rightWidth = Width - leftWidth;
        var top = sheet.Y;

        var y = top;
        if (doc.ParentBody is not null)
        {
            y = sheet.Block(doc.ParentBody, Sheet.Font(14), Align.Center, Left, leftWidth, y);
        }

        y = sheet.Block(doc.Issuer, Sheet.Font(14, bold: true), Align.Center, Left, leftWidth, y);
        y = sheet.Block("*", Sheet.Font(14), Align.Center, Left, leftWidth, y);
        y = sheet.Block(doc.NumberLine, Sheet.Font(14), Align.Center, Left, leftWidth, y);
        if (doc.TypeTitle is null)
        {
            y = sheet.Block(doc.SubjectLine, Sheet.Font(12, italic: true), Align.Center, Left, leftWidth, y);
        }

        foreach (var stamp in new[] { doc.UrgencyStamp, doc.ConfidentialityStamp }.OfType<string>())
        {
            y = sheet.Stamp(stamp, Left, leftWidth, y + 4);
        }

        var heading = Sheet.Font(15, bold: true);
        var right = sheet.Block(PrintedDirective.NationalHeading, heading, Align.Center, rightX, rightWidth, top);
        var headingWidth = sheet.Measure(PrintedDirective.NationalHeading, heading);
        sheet.Rule(rightX + ((rightWidth - headingWidth) / 2), right - 2, headingWidth);
        right = sheet.Block(doc.DateLine, Sheet.Font(14, italic: true), Align.Right, rightX, rightWidth, right + 8);
        if (doc.IsDraft)
        {
            right = sheet.Block("DỰ THẢO", Sheet.Font(14, bold: true), Align.Right, rightX, rightWidth, right + 4);
        }

        sheet.Y = Math.Max(y, right) + 6;
    }

    private static void Recipients(Sheet sheet, PrintedDirective doc)
    {
        var font = Sheet.Font(14);
        if (doc.Recipients.Count == 1)
        {
            sheet.Gap(ParagraphGap);
            sheet.Paragraph($"Kính gửi: {doc.Recipients[0]}", font, Align.Center);
        }
        else if (doc.Recipients.Count > 1)
        {
            // "Kính gửi:" stands on the line of the first recipient, the others aligned under it (as the samples print).
            sheet.Gap(ParagraphGap);
            const string label = "Kính gửi: ";
            var column = (80 * Mm) - Left;
            var labelWidth = sheet.Measure(label, font);
            var lines = doc.RecipientLines();
            for (var i = 0; i < lines.Count; i++)
            {
                sheet.Paragraph(i == 0 ? label + lines[i] : lines[i], font, Align.Left, firstIndent: i == 0 ? -labelWidth : 0, leftIndent: column);
            }
        }
    }

    private const double SignatureSpace = 78;

    /// <summary>The height <see cref="Footer"/> takes, to keep the last paragraph with it.</summary>
    private static double FooterHeight(Sheet sheet, PrintedDirective doc)
    {
        var leftWidth = Width * 0.45;
        var rightWidth = Width - leftWidth;
        var strong = Sheet.Font(14, bold: true);
        var leftHeight = (doc.Distribution.Count == 0 ? 0 : sheet.Height("Nơi nhận:", Sheet.Font(12, bold: true, italic: true), leftWidth)) + doc.Distribution.Sum(d => sheet.Height(d, Sheet.Font(11), leftWidth));
        var rightHeight = new[] { doc.AuthorityLine, doc.Position }.OfType<string>().Sum(l => sheet.Height(l, strong, rightWidth)) + SignatureSpace + sheet.Height(doc.SignerName ?? " ", strong, rightWidth);
        return Math.Max(leftHeight, rightHeight) + 8;
    }

    /// <summary>Draws "Nơi nhận" and the signature side by side, moving both to a new page when they do not fit.</summary>
    private static SignaturePlacement Footer(Sheet sheet, PrintedDirective doc)
    {
        var leftWidth = Width * 0.45;
        var rightX = Left + leftWidth;
        var rightWidth = Width - leftWidth;
        var label = Sheet.Font(12, bold: true, italic: true);
        var small = Sheet.Font(11);
        var strong = Sheet.Font(14, bold: true);
        const double signatureSpace = SignatureSpace;
        var signerLines = new[] { doc.AuthorityLine, doc.Position }.OfType<string>().ToList();
        sheet.Keep(FooterHeight(sheet, doc));

        var top = sheet.Y + 8;
        // No heading over an empty list (a received copy registered without it), as in the print view.
        var y = doc.Distribution.Count == 0 ? top : sheet.Block("Nơi nhận:", label, Align.Left, Left, leftWidth, top);
        foreach (var line in doc.Distribution)
        {
            y = sheet.Block(line, small, Align.Left, Left, leftWidth, y);
        }

        var r = top;
        foreach (var line in signerLines)
        {
            r = sheet.Block(line, strong, Align.Center, rightX, rightWidth, r);
        }

        var area = new XRect(rightX + 20, r + 4, rightWidth - 40, signatureSpace - 8);
        r = sheet.Block(doc.SignerName ?? string.Empty, strong, Align.Center, rightX, rightWidth, r + signatureSpace);
        sheet.Y = Math.Max(y, r);
        return new SignaturePlacement(sheet.PageIndex, area);
    }

    private enum Align
    {
        Left,
        Center,
        Right,
        Justify,
    }

    /// <summary>The page being written and the pen's position on it.</summary>
    private sealed class Sheet
    {
        private readonly PdfDocument _document;
        private XGraphics _graphics = null!;

        public Sheet(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public double Y { get; set; }

        public int PageIndex => _document.PageCount - 1;

        public static XFont Font(double size, bool bold = false, bool italic = false)
        {
            var style = (bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            return new XFont(PdfFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
        }

        public double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;

        public void Gap(double points) => Y += points;

        public double Height(string text, XFont font, double width) => Wrap(text, font, width, 0).Count * LineHeight(font);

        /// <summary>Starts a new page when the next <paramref name="height"/> points would cross the bottom margin.</summary>
        public void Keep(double height)
        {
            if (Y + height > Bottom)
            {
                NewPage();
            }
        }

        /// <summary>A paragraph across the text width, breaking onto new pages line by line.</summary>
        public void Paragraph(string text, XFont font, Align align, double firstIndent = 0, double leftIndent = 0)
        {
            var lineHeight = LineHeight(font);
            var lines = Wrap(text, font, Width - leftIndent, firstIndent);
            for (var i = 0; i < lines.Count; i++)
            {
                Keep(lineHeight);
                var indent = leftIndent + (i == 0 ? firstIndent : 0);
                var justify = align == Align.Justify && i < lines.Count - 1;
                DrawLine(lines[i], font, align == Align.Justify ? Align.Left : align, Left + indent, Width - indent, Y, justify);
                Y += lineHeight;
            }
        }

        /// <summary>Lines inside a column starting at <paramref name="y"/>; returns the y below them. Never breaks a page.</summary>
        public double Block(string text, XFont font, Align align, double x, double width, double y)
        {
            foreach (var line in Wrap(text, font, width, 0))
            {
                DrawLine(line, font, align, x, width, y, justify: false);
                y += LineHeight(font);
            }

            return y;
        }

        /// <summary>An urgency or confidentiality mark: bold capitals in a frame, as the stamp prints it.</summary>
        public double Stamp(string text, double x, double width, double y)
        {
            var font = Font(13, bold: true);
            var textWidth = Measure(text, font);
            var height = LineHeight(font) + 4;
            var box = new XRect(x + ((width - textWidth) / 2) - 6, y, textWidth + 12, height);
            _graphics.DrawRectangle(new XPen(XColors.Black, 1), box);
            DrawLine(text, font, Align.Center, x, width, y + 2, justify: false);
            return y + height + 2;
        }

        public void Rule(double x, double y, double width) => _graphics.DrawLine(new XPen(XColors.Black, 0.75), x, y, x + width, y);

        public void Finish() => _graphics.Dispose();

        private static double LineHeight(XFont font) => font.Size * LineFactor;

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            Y = Top;

            // Hướng dẫn 36: the page number is printed from the second page on, centred in the top margin.
            if (_document.PageCount > 1)
            {
                var number = Font(13);
                DrawLine(_document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), number, Align.Center, Left, Width, Top - (10 * Mm), justify: false);
            }
        }

        private void DrawLine(string line, XFont font, Align align, double x, double width, double y, bool justify)
        {
            var baseline = y + font.Size;
            if (justify)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1)
                {
                    var gap = (width - words.Sum(w => Measure(w, font))) / (words.Length - 1);
                    var cursor = x;
                    foreach (var word in words)
                    {
                        _graphics.DrawString(word, font, XBrushes.Black, cursor, baseline);
                        cursor += Measure(word, font) + gap;
                    }

                    return;
                }
            }

            var left = align switch
            {
                Align.Center => x + ((width - Measure(line, font)) / 2),
                Align.Right => x + width - Measure(line, font),
                _ => x,
            };
            _graphics.DrawString(line, font, XBrushes.Black, left, baseline);
        }

        /// <summary>Greedy line breaking on spaces; a word longer than the line is cut where it overflows.</summary>
        private List<string> Wrap(string text, XFont font, double width, double firstIndent)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var current = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var available = lines.Count == 0 ? width - firstIndent : width;
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (Measure(candidate, font) <= available)
                    {
                        current = candidate;
                        continue;
                    }

                    if (current.Length > 0)
                    {
                        lines.Add(current);
                        available = width;
                    }

                    current = word;
                    while (Measure(current, font) > available && current.Length > 1)
                    {
                        var cut = current.Length - 1;
                        while (cut > 1 && Measure(current[..cut], font) > available)
                        {
                            cut--;
                        }

                        lines.Add(current[..cut]);
                        current = current[cut..];
                    }
                }

                lines.Add(current);
            }

            return lines;
        }
    }
}
