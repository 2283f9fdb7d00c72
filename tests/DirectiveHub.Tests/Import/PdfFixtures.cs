using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DirectiveHub.Tests.Import;

/// <summary>
/// Text PDFs made in the test from a sample, laid out as the e-office systems export a directive: the header and the
/// signature block in two columns on the same baselines, the body wrapped, A4 pages, Liberation Serif (the metric
/// twin of Times New Roman, Debian's fonts-liberation2). The scans and photos are committed under Fixtures/.
/// </summary>
public static partial class PdfFixtures
{
    public const string Font = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    public static byte[] TextPdf(string text, int repeatBodyPages = 0)
    {
        var rows = Layout(text);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Font));
        var page = builder.AddPage(PageSize.A4);
        double y = 800;
        foreach (var (left, right) in rows)
        {
            if (y < 60)
            {
                page = builder.AddPage(PageSize.A4);
                y = 800;
            }

            if (left is null && right is null)
            {
                y -= 8;
                continue;
            }

            if (left is { Length: > 0 })
            {
                page.AddText(left, 12, new PdfPoint(50, y), font);
            }

            if (right is { Length: > 0 })
            {
                page.AddText(right, 12, new PdfPoint(330, y), font);
            }

            y -= 16;
        }

        for (var i = 0; i < repeatBodyPages; i++)
        {
            page = builder.AddPage(PageSize.A4);
            page.AddText("Phụ lục " + (i + 1), 12, new PdfPoint(50, 800), font);
        }

        return builder.Build();
    }

    /// <summary>Rows of (left column, right column); (null, null) is a blank line.</summary>
    private static List<(string? Left, string? Right)> Layout(string text)
    {
        var lines = text.Split('\n').Select(l => l.Replace("**", "", StringComparison.Ordinal).Trim()).ToList();
        var bodyStart = lines.FindIndex(l => l.StartsWith("Kính gửi", StringComparison.Ordinal));
        var tailStart = lines.FindIndex(l => l.StartsWith("Nơi nhận", StringComparison.Ordinal));
        var rows = new List<(string?, string?)>();
        var headLeft = lines.Take(bodyStart).Where(l => l.Length > 0 && !RightColumn().IsMatch(l)).ToList();
        var headRight = lines.Take(bodyStart).Where(l => l.Length > 0 && RightColumn().IsMatch(l)).ToList();
        rows.AddRange(Pair(headLeft, headRight));
        rows.Add((null, null));
        foreach (var line in lines.Skip(bodyStart).Take(tailStart - bodyStart))
        {
            if (line.Length == 0)
            {
                rows.Add((null, null));
                continue;
            }

            rows.AddRange(Wrap(line, 95).Select(w => ((string?)w, (string?)null)));
        }

        rows.Add((null, null));
        var tail = lines.Skip(tailStart).Where(l => l.Length > 0).ToList();
        var tailLeft = tail.Where(l => l.StartsWith('-') || l.StartsWith("Nơi nhận", StringComparison.Ordinal)).ToList();
        var tailRight = tail.Except(tailLeft).ToList();
        rows.AddRange(Pair(tailLeft, tailRight));
        return rows;
    }

    private static IEnumerable<(string?, string?)> Pair(List<string> left, List<string> right)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            yield return (i < left.Count ? left[i] : null, i < right.Count ? right[i] : null) is (null, null) ? ("", "") : (i < left.Count ? left[i] : null, i < right.Count ? right[i] : null);
        }
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        var current = "";
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        if (current.Length > 0)
        {
            yield return current;
        }
    }

    [GeneratedRegex(@"ĐẢNG C.NG S.N VI.T NAM|ngày \d+ tháng \d+ năm \d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex RightColumn();
}
