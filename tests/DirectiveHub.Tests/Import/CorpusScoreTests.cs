using DirectiveHub.Cli;
using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>
/// The parser's field score over the corpus of real document shapes (Import/Corpus: junk above the header, blank
/// lines, flattened tables, congress issuers, "- " tasks, normative texts, one-line lists, republications, glued
/// words, OCR slips). The floor only goes up: raise it when the parser gets better, never lower it.
/// </summary>
public sealed class CorpusScoreTests
{
    private const double Floor = 1.0;

    private const double HeldOutFloor = 0.95;

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Import", "Corpus");

    [Fact]
    public void The_corpus_scores_at_least_the_floor_field_by_field()
    {
        var result = ParseScore.ScoreFolder(Corpus);

        var wrong = result.Files.SelectMany(f => f.Fields.Where(x => !x.Right).Select(x => $"{f.Name}.{x.Field}: expected {x.Expected}, got {x.Actual}"));
        Assert.True(result.Files.Count >= 16, $"only {result.Files.Count} documents in the corpus");
        Assert.True(result.Ratio >= Floor, $"score {result.Ratio:P1} below the floor {Floor:P0}:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// Documents written without reading the parser (Import/HeldOut/README.md). Their first score, before any change
    /// made after reading them, was 320/334 (95.8 %): the floor is the issue's goal, 95 %, and it never goes down.
    /// </summary>
    [Fact]
    public void Documents_the_parser_was_never_tuned_on_score_at_least_95_percent()
    {
        var result = ParseScore.ScoreFolder(Path.Combine(AppContext.BaseDirectory, "Import", "HeldOut"));

        var wrong = result.Files.SelectMany(f => f.Fields.Where(x => !x.Right).Select(x => $"{f.Name}.{x.Field}"));
        Assert.True(result.Files.Count >= 20, $"only {result.Files.Count} held-out documents");
        Assert.True(result.Ratio >= HeldOutFloor, $"held-out score {result.Ratio:P1} below {HeldOutFloor:P0}; wrong: " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_three_samples_score_every_field()
    {
        var result = ParseScore.ScoreFolder(ImportTexts.Folder);

        Assert.Equal(ImportTexts.Samples.Order(StringComparer.Ordinal), result.Files.Select(f => f.Name));
        Assert.Equal(result.Total, result.Right);
    }

    [Fact]
    public void A_wrong_field_is_counted_wrong_and_named()
    {
        var text = ImportTexts.Read("quoc-oai-114-CV-HU");

        var score = ParseScore.Score("x", text, """{ "number": "115-CV/HU", "issuer": "HUYỆN ỦY QUỐC OAI" }""");

        Assert.Equal(2, score.Fields.Count);
        Assert.Equal(1, score.Right);
        Assert.Equal("number", Assert.Single(score.Fields, f => !f.Right).Field);
    }

    [Fact]
    public async Task The_CLI_prints_the_score_per_field_and_in_total()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new CliApp(output, error).RunAsync(["parse", "--score", Corpus], TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("recipients", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"total \d+/\d+ fields exact \(100[.,]0 ?%\) over \d+ documents", output.ToString());
    }
}
