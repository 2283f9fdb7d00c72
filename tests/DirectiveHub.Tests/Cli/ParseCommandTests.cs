using System.Text.Json.Nodes;
using DirectiveHub.Cli;
using DirectiveHub.Tests.Import;

namespace DirectiveHub.Tests.Cli;

public sealed class ParseCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parse_FILE_prints_one_JSON_object_and_exits_0()
    {
        var output = new StringWriter();
        var exit = await new CliApp(output, new StringWriter()).RunAsync(["parse", Path.Combine(ImportTexts.Folder, "quoc-oai-114-CV-HU.txt")], Cancel);

        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ImportTexts.Expected("quoc-oai-114-CV-HU")), JsonNode.Parse(output.ToString())));
        Assert.Contains("\"issuer\": \"HUYỆN ỦY QUỐC OAI\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_dash_reads_standard_input()
    {
        var output = new StringWriter();
        var exit = await new CliApp(output, new StringWriter(), input: new StringReader(ImportTexts.Read("hai-hau-22-CV-BDVHU"))).RunAsync(["parse", "-"], Cancel);

        Assert.Equal(0, exit);
        Assert.Equal("22-CV/BDVHU", JsonNode.Parse(output.ToString())!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreadable_file_is_a_message_on_standard_error_and_exit_1()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new CliApp(output, error).RunAsync(["parse", "/nonexistent/directive.txt"], Cancel);

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("Cannot read /nonexistent/directive.txt", error.ToString(), StringComparison.Ordinal);
    }
}
