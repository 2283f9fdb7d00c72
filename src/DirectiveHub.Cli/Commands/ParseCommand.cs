using System.Text.Encodings.Web;
using System.Text.Json;
using DirectiveHub.Import;

namespace DirectiveHub.Cli.Commands;

/// <summary><c>directivehub parse FILE|-</c>: prints the parsed directive as one JSON object.</summary>
public static class ParseCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese letters stay readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, TextReader input, CancellationToken cancellationToken)
    {
        if (options.Count != 1)
        {
            await app.Error.WriteLineAsync("Usage: directivehub parse FILE   (or - for standard input)");
            return 2;
        }

        string text;
        try
        {
            text = options[0] == "-"
                ? await input.ReadToEndAsync(cancellationToken)
                : await File.ReadAllTextAsync(options[0], cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await app.Error.WriteLineAsync($"Cannot read {options[0]}: {exception.Message}");
            return 1;
        }

        var parsed = DirectiveTextParser.Parse(text);
        await app.Output.WriteLineAsync(JsonSerializer.Serialize(parsed, Json));
        return 0;
    }
}
