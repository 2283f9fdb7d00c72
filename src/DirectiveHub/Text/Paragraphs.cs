namespace DirectiveHub.Text;

/// <summary>
/// The paragraphs of a text typed with line breaks (an opening, a task, a closing): each break starts a paragraph,
/// as in the signed document. Every rendering (details page, print view, DOCX, PDF) splits the same way.
/// </summary>
public static class Paragraphs
{
    public static IReadOnlyList<string> Of(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split('\n').Select(line => line.Trim().TrimEnd('\r').Trim()).Where(line => line.Length > 0).ToList();
}
