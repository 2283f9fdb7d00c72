using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DirectiveHub.Import;

/// <summary>
/// Scans and phone photos read by Tesseract with its Vietnamese model (Debian's tesseract-ocr, tesseract-ocr-vie),
/// called as a process; a scanned PDF is first rendered to page images by poppler's pdftoppm. Every run is bounded:
/// pages, time per page and in total; two pages are read at once (the target is two cores).
/// </summary>
public sealed class OcrText(string tesseract = "tesseract", string pdftoppm = "pdftoppm")
{
    public const int MaxPages = 20;

    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Words Tesseract is less sure of than this (0–100) are shown as doubtful.</summary>
    public const int LowConfidence = 60;

    public const string Missing = "Máy chủ chưa cài Tesseract OCR với bộ chữ tiếng Việt (gói tesseract-ocr và tesseract-ocr-vie), nên chưa đọc được bản quét hay ảnh chụp. Hãy dán nội dung văn bản, hoặc tải tệp .docx hay PDF có lớp chữ.";

    public const string MissingPoppler = "Máy chủ chưa cài poppler-utils (pdftoppm) để tách trang PDF quét thành ảnh.";

    public const string TooManyPages = "Bản quét có quá nhiều trang (tối đa 20 trang).";

    public const string Failed = "Không nhận dạng được chữ trong bản quét hoặc ảnh này.";

    public const string TimedOut = "Nhận dạng chữ quá lâu nên đã dừng; hãy tải bản quét ít trang hơn hoặc rõ hơn.";

    public sealed record Result(string? Text, double? Confidence, IReadOnlyList<string> DoubtfulWords, int Pages, string? Error);

    public async Task<Result> ReadImageAsync(byte[] image, string extension, CancellationToken cancellationToken)
    {
        if (!await IsAvailableAsync(cancellationToken))
        {
            return Error(Missing);
        }

        var folder = Directory.CreateTempSubdirectory("directivehub-ocr-");
        try
        {
            var path = Path.Combine(folder.FullName, "page-1" + extension);
            await File.WriteAllBytesAsync(path, image, cancellationToken);
            return await ReadPagesAsync([path], cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task<Result> ReadPdfAsync(byte[] pdf, int pages, CancellationToken cancellationToken)
    {
        if (pages > MaxPages)
        {
            return Error(TooManyPages);
        }

        if (!await IsAvailableAsync(cancellationToken))
        {
            return Error(Missing);
        }

        var folder = Directory.CreateTempSubdirectory("directivehub-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "scan.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken);
            // 200 dpi in gray: enough for Vietnamese marks, half the pixels of 300 dpi.
            Run? render;
            try
            {
                render = await RunAsync(pdftoppm, ["-r", "200", "-gray", "-png", "-f", "1", "-l", MaxPages.ToString(CultureInfo.InvariantCulture), input, Path.Combine(folder.FullName, "page")], TotalTimeout, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Error(TimedOut);
            }

            if (render is null)
            {
                return Error(MissingPoppler);
            }

            var images = Directory.GetFiles(folder.FullName, "page-*.png").Order(StringComparer.Ordinal).ToList();
            return images.Count == 0 ? Error(Failed) : await ReadPagesAsync(images, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Result Error(string message) => new(null, null, [], 0, message);

    private async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        var languages = await RunAsync(tesseract, ["--list-langs"], TimeSpan.FromSeconds(20), cancellationToken);
        return languages is { ExitCode: 0 } && languages.Output.Split('\n').Any(l => l.Trim() == "vie");
    }

    private async Task<Result> ReadPagesAsync(List<string> images, CancellationToken cancellationToken)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(TotalTimeout);
        var pages = new (string Text, List<(string Word, int Confidence)> Words)?[images.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, images.Count),
                new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = total.Token },
                async (i, token) => pages[i] = await ReadPageAsync(images[i], token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Error(TimedOut);
        }

        if (pages.Any(p => p is null))
        {
            return Error(Failed);
        }

        var words = pages.SelectMany(p => p!.Value.Words).ToList();
        var text = string.Join("\n", pages.Select(p => p!.Value.Text));
        if (words.Count == 0 || text.Trim().Length == 0)
        {
            return Error(Failed);
        }

        var doubtful = words.Where(w => w.Confidence < LowConfidence).Select(w => w.Word).Distinct(StringComparer.Ordinal).ToList();
        return new Result(text, Math.Round(words.Average(w => w.Confidence), 1), doubtful, images.Count, null);
    }

    /// <summary>One page: the text and each word's confidence from a single Tesseract run (txt and tsv outputs).</summary>
    private async Task<(string Text, List<(string Word, int Confidence)> Words)?> ReadPageAsync(string image, CancellationToken cancellationToken)
    {
        var output = Path.ChangeExtension(image, null) + "-ocr";
        // --psm 4: one column of text of variable sizes keeps the header's two columns on their own lines.
        var run = await RunAsync(tesseract, [image, output, "-l", "vie", "--psm", "4", "txt", "tsv"], PageTimeout, cancellationToken);
        if (run is not { ExitCode: 0 } || !File.Exists(output + ".txt"))
        {
            return null;
        }

        if (!File.Exists(output + ".tsv"))
        {
            return (await File.ReadAllTextAsync(output + ".txt", cancellationToken), []);
        }

        return FromTsv(await File.ReadAllLinesAsync(output + ".tsv", cancellationToken));
    }

    /// <summary>
    /// The page's text rebuilt from Tesseract's word boxes: its lines, a blank line between paragraphs, and a line
    /// split where a wide gap separates two columns (Tesseract puts "Nơi nhận:" and "T/M BAN THƯỜNG VỤ" on one line).
    /// </summary>
    internal static (string Text, List<(string Word, int Confidence)> Words) FromTsv(IEnumerable<string> rows)
    {
        var words = new List<(int Block, int Paragraph, int Line, int Left, int Width, int Height, string Text, int Confidence)>();
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Split('\t');
            if (cells.Length >= 12 && cells[0] == "5" && cells[11].Trim().Length > 0
                && int.TryParse(cells[2], CultureInfo.InvariantCulture, out var block) && int.TryParse(cells[3], CultureInfo.InvariantCulture, out var paragraph)
                && int.TryParse(cells[4], CultureInfo.InvariantCulture, out var line) && int.TryParse(cells[6], CultureInfo.InvariantCulture, out var left)
                && int.TryParse(cells[8], CultureInfo.InvariantCulture, out var width) && int.TryParse(cells[9], CultureInfo.InvariantCulture, out var height)
                && double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                words.Add((block, paragraph, line, left, width, height, cells[11].Trim(), (int)Math.Round(Math.Max(0, confidence))));
            }
        }

        var text = new StringBuilder();
        (int Block, int Paragraph)? previous = null;
        foreach (var group in words.GroupBy(w => (w.Block, w.Paragraph, w.Line)))
        {
            if (previous is { } p && (p.Block != group.Key.Block || p.Paragraph != group.Key.Paragraph))
            {
                text.Append('\n');
            }

            previous = (group.Key.Block, group.Key.Paragraph);
            var ordered = group.OrderBy(w => w.Left).ToList();
            var height = ordered.Max(w => w.Height);
            text.Append(ordered[0].Text);
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = ordered[i].Left - (ordered[i - 1].Left + ordered[i - 1].Width);
                text.Append(gap > height * 4 ? '\n' : ' ').Append(ordered[i].Text);
            }

            text.Append('\n');
        }

        return (text.ToString(), words.Select(w => (w.Text, w.Confidence)).ToList());
    }

    private sealed record Run(int ExitCode, string Output);

    /// <returns>null when the program cannot be started (not installed).</returns>
    private static async Task<Run?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One Tesseract thread per process: we run two processes side by side instead.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
                var stderr = process.StandardError.ReadToEndAsync(limit.Token);
                await process.WaitForExitAsync(limit.Token);
                return new Run(process.ExitCode, await stdout + await stderr);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }
}
