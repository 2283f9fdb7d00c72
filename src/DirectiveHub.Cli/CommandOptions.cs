using System.Globalization;

namespace DirectiveHub.Cli;

/// <summary>Reads "--name value" options from a command's arguments.</summary>
public static class CommandOptions
{
    public static string? String(IReadOnlyList<string> options, string name)
    {
        for (var i = 0; i + 1 < options.Count; i++)
        {
            if (options[i] == name)
            {
                return options[i + 1];
            }
        }

        return null;
    }

    /// <summary>A non-negative whole number, or <paramref name="fallback"/> when absent or not a number.</summary>
    public static int Int(IReadOnlyList<string> options, string name, int fallback) =>
        int.TryParse(String(options, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
