namespace DirectiveHub.Tests.Import;

/// <summary>The directive texts the parser is tested on: the three samples (copied from shared/samples) and our own variants.</summary>
public static class ImportTexts
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Import", "Texts");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    public static string Expected(string name) => File.ReadAllText(Path.Combine(Folder, name + ".expected.json"));

    public static readonly string[] Samples = ["quoc-oai-114-CV-HU", "con-cuong-213-CV-HU", "hai-hau-22-CV-BDVHU"];
}
