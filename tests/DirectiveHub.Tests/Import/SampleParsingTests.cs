using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveHub.Cli.Commands;
using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>Every field of the three sample directives, compared as whole JSON documents.</summary>
public sealed class SampleParsingTests
{
    public static TheoryData<string> Samples => new(ImportTexts.Samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_parses_to_exactly_the_expected_JSON(string name)
    {
        var actual = JsonNode.Parse(JsonSerializer.Serialize(DirectiveTextParser.Parse(ImportTexts.Read(name)), ParseCommand.Json));
        var expected = JsonNode.Parse(ImportTexts.Expected(name));

        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name} differs:\n{actual}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_PDF_copy_with_decomposed_diacritics_reads_the_same(string name)
    {
        var decomposed = ImportTexts.Read(name).Normalize(NormalizationForm.FormD);

        var actual = JsonNode.Parse(JsonSerializer.Serialize(DirectiveTextParser.Parse(decomposed), ParseCommand.Json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ImportTexts.Expected(name)), actual));
    }

    [Fact]
    public void The_JSON_has_exactly_the_documented_fields_in_camel_case()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(DirectiveTextParser.Parse(ImportTexts.Read("quoc-oai-114-CV-HU")), ParseCommand.Json))!.AsObject();

        Assert.Equal(
            ["number", "sequence", "documentType", "issuerCode", "parentBody", "issuer", "place", "issuedOn", "subject", "urgency", "recipients", "preamble", "tasks", "references", "distribution", "signer", "attachments", "warnings"],
            json.Select(p => p.Key));
        Assert.Equal(["label", "text", "deadline", "subtasks"], json["tasks"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["type", "number", "issuedOn"], json["references"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["authority", "body", "position", "name"], json["signer"]!.AsObject().Select(p => p.Key));
    }
}
