using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DirectiveHub.Import;

/// <summary>
/// The text layer of a PDF (what Word, LibreOffice and the e-office systems export) in reading order: words
/// grouped into lines by their baseline, and a line split where a wide gap separates two columns, so the header's
/// left block (issuer, number) and right block (national heading, date line) come out as separate lines, as the
/// parser reads a flattened table. A PDF with (almost) no text layer is a scan and needs OCR.
/// </summary>
public static class PdfText
{
    public const int MaxPages = 30;

    public const string TooManyPages = "Tệp PDF có quá nhiều trang (tối đa 30 trang).";

    public const string Unreadable = "Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu).";

    /// <summary>Fewer letters than this per page: no usable text layer, the pages are images.</summary>
    private const int MinLettersPerPage = 40;

    public sealed record Result(string? Text, int Pages, bool IsScan, string? Error);

    public static Result Read(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var pages = document.NumberOfPages;
            if (pages > MaxPages)
            {
                return new Result(null, pages, false, TooManyPages);
            }

            var text = new StringBuilder();
            var letters = 0;
            for (var number = 1; number <= pages; number++)
            {
                var page = document.GetPage(number);
                letters += page.Letters.Count;
                AppendPage(text, page.GetWords().ToList());
                text.Append('\n');
            }

            return letters < MinLettersPerPage * pages
                ? new Result(null, pages, true, null)
                : new Result(text.ToString(), pages, false, null);
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for damaged files; all mean "unreadable".
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Result(null, 0, false, Unreadable);
        }
    }

    private static void AppendPage(StringBuilder text, List<Word> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        // Lines: words whose baselines lie within half a letter's height, top of the page first (PDF y grows upwards).
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= Math.Max(2, word.BoundingBox.Height * 0.5))
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        var height = Median(words.Select(w => w.BoundingBox.Height).Where(h => h > 0)) ?? 10;
        var letterWidth = Median(words.Where(w => w.Text.Length > 0).Select(w => w.BoundingBox.Width / w.Text.Length)) ?? 5;
        double? previousBaseline = null;
        foreach (var line in lines)
        {
            var baseline = line[0].BoundingBox.Bottom;
            if (previousBaseline is { } previous && previous - baseline > height * 2.2)
            {
                text.Append('\n');
            }

            previousBaseline = baseline;
            var ordered = line.OrderBy(w => w.BoundingBox.Left).ToList();
            var segment = new StringBuilder(ordered[0].Text);
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = ordered[i].BoundingBox.Left - ordered[i - 1].BoundingBox.Right;
                if (gap > Math.Max(letterWidth * 6, 24))
                {
                    // Two columns side by side: each its own line.
                    text.Append(segment).Append('\n');
                    segment.Clear();
                }
                else
                {
                    segment.Append(' ');
                }

                segment.Append(ordered[i].Text);
            }

            text.Append(segment).Append('\n');
        }
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[sorted.Count / 2];
    }
}
