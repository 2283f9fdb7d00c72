using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectiveHub.Import;

/// <summary>
/// Field-by-field score of the parser over a folder of texts with expected JSON ("name.txt" beside
/// "name.expected.json"): a field is right only when it equals the expected value exactly. Fields absent from an
/// expected file are not scored, and warnings never are (they are advice, not data).
/// </summary>
public static class ParseScore
{
    public static readonly string[] Fields =
    [
        "number", "sequence", "documentType", "issuerCode", "parentBody", "issuer", "place", "issuedOn", "subject", "urgency",
        "recipients", "preamble", "tasks", "references", "distribution", "signer", "attachments",
    ];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public sealed record FieldResult(string Field, bool Right, string? Expected, string? Actual);

    public sealed record FileResult(string Name, IReadOnlyList<FieldResult> Fields)
    {
        public int Right => Fields.Count(f => f.Right);
    }

    public sealed record Result(IReadOnlyList<FileResult> Files)
    {
        public int Right => Files.Sum(f => f.Right);

        public int Total => Files.Sum(f => f.Fields.Count);

        public double Ratio => Total == 0 ? 0 : (double)Right / Total;

        /// <summary>Per field over all files: how many were right out of how many scored.</summary>
        public IEnumerable<(string Field, int Right, int Total)> ByField() =>
            Fields.Select(name => (name, Files.Count(f => f.Fields.Any(x => x.Field == name && x.Right)), Files.Count(f => f.Fields.Any(x => x.Field == name))))
                .Where(x => x.Item3 > 0);
    }

    public static Result ScoreFolder(string folder)
    {
        var files = new List<FileResult>();
        foreach (var expectedPath in Directory.EnumerateFiles(folder, "*.expected.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(expectedPath)[..^".expected.json".Length];
            var textPath = Path.Combine(folder, name + ".txt");
            if (!File.Exists(textPath))
            {
                continue;
            }

            files.Add(Score(name, File.ReadAllText(textPath), File.ReadAllText(expectedPath)));
        }

        return new Result(files);
    }

    public static FileResult Score(string name, string text, string expectedJson)
    {
        var expected = JsonNode.Parse(expectedJson)!.AsObject();
        var actual = JsonNode.Parse(JsonSerializer.Serialize(DirectiveTextParser.Parse(text), Json))!.AsObject();
        var results = new List<FieldResult>();
        foreach (var field in Fields)
        {
            if (!expected.TryGetPropertyValue(field, out var want))
            {
                continue;
            }

            actual.TryGetPropertyValue(field, out var got);
            results.Add(new FieldResult(field, JsonNode.DeepEquals(want, got), want?.ToJsonString(Json), got?.ToJsonString(Json)));
        }

        return new FileResult(name, results);
    }
}
