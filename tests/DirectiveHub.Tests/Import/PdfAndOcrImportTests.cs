using System.Text.Json;
using DirectiveHub.Cli;
using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>PDFs with a text layer, scanned PDFs and phone photos read into the same draft as the sample's text.</summary>
public sealed class PdfAndOcrImportTests
{
    private const string Sample = "quoc-oai-114-CV-HU";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ImportReader Reader => new(new OcrText());

    private static List<string> WrongFields(string text) =>
        ParseScore.Score(Sample, text, ImportTexts.Expected(Sample)).Fields.Where(f => !f.Right).Select(f => $"{f.Field}: {f.Actual}").ToList();

    /// <summary>
    /// OCR may misread a letter in the body ("chí đạo" for "chỉ đạo"), so the body is held to 98% of its characters;
    /// every other field, and the tasks' labels and deadlines, must be exact.
    /// </summary>
    private static void AssertSameDraftAsText(string ocrText)
    {
        var expected = DirectiveTextParser.Parse(ImportTexts.Read(Sample));
        var actual = DirectiveTextParser.Parse(ocrText);
        var wrong = WrongFields(ocrText).Where(f => !f.StartsWith("preamble", StringComparison.Ordinal) && !f.StartsWith("tasks", StringComparison.Ordinal)).ToList();
        Assert.Empty(wrong);
        Assert.Equal(expected.Tasks.Select(t => (t.Label, t.Deadline)), actual.Tasks.Select(t => (t.Label, t.Deadline)));
        var body = string.Join("\n", [expected.Preamble, .. expected.Tasks.Select(t => t.Text)]);
        var read = string.Join("\n", [actual.Preamble, .. actual.Tasks.Select(t => t.Text)]);
        Assert.True(Similarity(body, read) >= 0.98, $"body read {Similarity(body, read):P1} alike:\n{read}");
    }

    private static double Similarity(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    [Fact]
    public void A_text_PDF_reads_in_reading_order_with_the_header_columns_apart()
    {
        var pdf = PdfFixtures.TextPdf(ImportTexts.Read(Sample));

        var result = PdfText.Read(pdf);

        Assert.Null(result.Error);
        Assert.False(result.IsScan);
        var lines = result.Text!.Split('\n');
        Assert.Contains("HUYỆN ỦY QUỐC OAI", lines);
        Assert.Contains("Quốc Oai, ngày 30 tháng 10 năm 2021", lines);
        Assert.Empty(WrongFields(result.Text));
    }

    [Fact]
    public async Task A_text_PDF_over_the_page_limit_is_refused_with_a_clear_message()
    {
        var pdf = PdfFixtures.TextPdf(ImportTexts.Read(Sample), repeatBodyPages: PdfText.MaxPages);

        var imported = await Reader.ReadAsync(pdf, Cancel);

        Assert.Null(imported.Text);
        Assert.Equal(PdfText.TooManyPages, imported.Error);
    }

    [Fact]
    public async Task A_damaged_PDF_is_refused_not_thrown()
    {
        var imported = await Reader.ReadAsync("%PDF-1.7\n1 0 obj garbage"u8.ToArray(), Cancel);

        Assert.Null(imported.Text);
        Assert.Equal(PdfText.Unreadable, imported.Error);
    }

    [Fact]
    public async Task A_scanned_PDF_goes_through_OCR_into_the_same_draft()
    {
        var imported = await Reader.ReadAsync(await File.ReadAllBytesAsync(PdfFixtures.FixturePath("quoc-oai-scan.pdf"), Cancel), Cancel);

        Assert.True(imported.Error is null, imported.Error);
        Assert.Equal("ocr", imported.Source);
        Assert.InRange(imported.Confidence!.Value, 70, 100);
        AssertSameDraftAsText(imported.Text!);
    }

    [Fact]
    public async Task A_slightly_rotated_noisy_phone_photo_goes_through_OCR_into_the_same_draft()
    {
        var imported = await Reader.ReadAsync(await File.ReadAllBytesAsync(PdfFixtures.FixturePath("quoc-oai-photo.jpg"), Cancel), Cancel);

        Assert.True(imported.Error is null, imported.Error);
        Assert.Equal("ocr", imported.Source);
        AssertSameDraftAsText(imported.Text!);
    }

    [Fact]
    public async Task Without_tesseract_the_reader_says_so_in_Vietnamese()
    {
        var reader = new ImportReader(new OcrText(tesseract: "/nonexistent/tesseract"));

        var imported = await reader.ReadAsync(await File.ReadAllBytesAsync(PdfFixtures.FixturePath("quoc-oai-photo.jpg"), Cancel), Cancel);

        Assert.Null(imported.Text);
        Assert.Equal(OcrText.Missing, imported.Error);
    }

    [Fact]
    public async Task An_unknown_binary_file_is_refused()
    {
        var imported = await Reader.ReadAsync([0x4D, 0x5A, 0x00, 0x01, 0xFF], Cancel);

        Assert.Equal(ImportReader.Unsupported, imported.Error);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("jpg")]
    public async Task The_CLI_parses_a_PDF_and_a_photo_like_the_text(string kind)
    {
        var path = kind == "jpg" ? PdfFixtures.FixturePath("quoc-oai-photo.jpg") : Path.Combine(Path.GetTempPath(), $"dh-{Guid.NewGuid():N}.pdf");
        if (kind == "pdf")
        {
            await File.WriteAllBytesAsync(path, PdfFixtures.TextPdf(ImportTexts.Read(Sample)), Cancel);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new CliApp(output, error).RunAsync(["parse", path], Cancel);

        Assert.True(exit == 0, error.ToString());
        var parsed = JsonSerializer.Deserialize<ParsedDirective>(output.ToString(), ParseScore.Json)!;
        Assert.Equal(("114-CV/HU", "HUYỆN ỦY QUỐC OAI", new DateOnly(2021, 10, 30)), (parsed.Number, parsed.Issuer, parsed.IssuedOn));
        Assert.Equal(2, parsed.Tasks.Count);
    }
}
