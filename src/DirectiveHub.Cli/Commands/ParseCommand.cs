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
        if (options.Count == 2 && options[0] == "--score")
        {
            return await ScoreAsync(app, options[1]);
        }

        if (options.Count != 1)
        {
            await app.Error.WriteLineAsync("Usage: directivehub parse FILE   (or - for standard input)\n       directivehub parse --score DIR");
            return 2;
        }

        string text;
        try
        {
            if (options[0] == "-")
            {
                text = await input.ReadToEndAsync(cancellationToken);
            }
            else
            {
                if (new FileInfo(options[0]) is { Exists: true, Length: > ImportReader.MaxBytes })
                {
                    await app.Error.WriteLineAsync(ImportReader.TooLarge);
                    return 1;
                }

                // .txt, .docx, PDF (text layer or scan) and photos, recognized by content as on the import page.
                var imported = await new ImportReader(new OcrText()).ReadAsync(await File.ReadAllBytesAsync(options[0], cancellationToken), cancellationToken);
                if (imported.Text is null)
                {
                    await app.Error.WriteLineAsync(imported.Error);
                    return 1;
                }

                if (imported.Confidence is { } confidence)
                {
                    await app.Error.WriteLineAsync(FormattableString.Invariant($"OCR: độ tin cậy trung bình {confidence:0.#}/100; {imported.DoubtfulWords.Count} từ nhận dạng chưa chắc."));
                }

                text = imported.Text;
            }
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

    /// <summary>Prints each file's wrong fields, then the score per field and in total.</summary>
    private static async Task<int> ScoreAsync(CliApp app, string folder)
    {
        if (!Directory.Exists(folder))
        {
            await app.Error.WriteLineAsync($"No such folder: {folder}");
            return 1;
        }

        var result = ParseScore.ScoreFolder(folder);
        foreach (var file in result.Files)
        {
            await app.Output.WriteLineAsync(FormattableString.Invariant($"{file.Name}: {file.Right}/{file.Fields.Count}"));
            foreach (var wrong in file.Fields.Where(f => !f.Right))
            {
                await app.Output.WriteLineAsync($"  {wrong.Field}: expected {Short(wrong.Expected)}, got {Short(wrong.Actual)}");
            }
        }

        await app.Output.WriteLineAsync();
        foreach (var (field, right, total) in result.ByField())
        {
            await app.Output.WriteLineAsync(FormattableString.Invariant($"{field,-14} {right,3}/{total,-3}"));
        }

        await app.Output.WriteLineAsync(FormattableString.Invariant($"total {result.Right}/{result.Total} fields exact ({result.Ratio:P1}) over {result.Files.Count} documents"));
        return 0;
    }

    private static string Short(string? json) => json is null ? "(none)" : json.Length > 160 ? json[..160].ReplaceLineEndings(" ") + "…" : json.ReplaceLineEndings(" ");
}
