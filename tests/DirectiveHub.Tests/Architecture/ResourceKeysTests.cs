using System.Text.RegularExpressions;
using System.Xml.Linq;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Architecture;

public sealed partial class ResourceKeysTests
{
    /// <summary>
    /// A key missing from the resources is shown to the user as the key itself ("Nhiệm vụ 1: ResultNumberInvalid"):
    /// every literal key the pages and the API ask for must be in SharedResource.resx. Keys built by concatenation
    /// (<c>L["Urging" + kind]</c>) are skipped here; their enums are covered where they are shown.
    /// </summary>
    [Fact]
    public void Every_literal_resource_key_the_web_app_uses_exists()
    {
        var web = Path.Combine(PublishedApp.RepositoryRoot, "src", "DirectiveHub.Web");
        var keys = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups[1].Value, File: Path.GetRelativePath(web, f))))
            .Where(k => !keys.Contains(k.Key))
            .Select(k => $"{k.Key} ({k.File})")
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    // L["Key"] or localizer["Key", args] with the key a whole literal (not followed by "+", which builds a key).
    [GeneratedRegex("""\b(?:L|localizer|Localizer)\["([A-Za-z0-9_]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();
}
