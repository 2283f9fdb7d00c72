using System.Globalization;
using DirectiveHub.Time;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;

namespace DirectiveHub.Printing;

/// <summary>
/// The visible mark of the organisation's digital signature, drawn beside the signer's block as the e-office systems
/// print it: who signed and when (Vietnam time), in the seal's red.
/// </summary>
internal sealed class SigningMark(string unitName, string signerName, DateTime signedAtUtc) : IAnnotationAppearanceHandler
{
    private static readonly XColor SealRed = XColor.FromArgb(200, 16, 16);

    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        // The form XObject has its own origin: draw in (0, 0, width, height) whatever the field's place on the page.
        rect = new XRect(0, 0, rect.Width, rect.Height);
        var pen = new XPen(SealRed, 1.2);
        var brush = new XSolidBrush(SealRed);
        gfx.DrawRoundedRectangle(pen, new XRect(rect.X + 1, rect.Y + 1, rect.Width - 2, rect.Height - 2), new XSize(6, 6));
        var bold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode, PdfSharp.Pdf.PdfFontEmbedding.TryComputeSubset));
        var regular = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode, PdfSharp.Pdf.PdfFontEmbedding.TryComputeSubset));
        var local = VietnamTime.ToVietnam(signedAtUtc);
        string[] lines =
        [
            "Đã ký số bởi:",
            unitName,
            signerName,
            "Thời gian: " + local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +07:00",
        ];
        var lineHeight = 10.5;
        var y = rect.Y + ((rect.Height - (lines.Length * lineHeight)) / 2) + 8;
        for (var i = 0; i < lines.Length; i++)
        {
            var font = i == 1 ? bold : regular;
            var text = Fit(gfx, lines[i], font, rect.Width - 8);
            var width = gfx.MeasureString(text, font).Width;
            gfx.DrawString(text, font, brush, rect.X + ((rect.Width - width) / 2), y);
            y += lineHeight;
        }
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        while (text.Length > 4 && gfx.MeasureString(text, font).Width > width)
        {
            text = text[..^2] + "…";
        }

        return text;
    }
}
