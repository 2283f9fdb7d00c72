using PdfSharp.Fonts;

namespace DirectiveHub.Printing;

/// <summary>
/// Liberation Serif (metric-compatible with Times New Roman, Vietnamese glyphs included, SIL OFL 1.1) for every PDF the
/// app writes. The four faces ship inside the assembly, so a clean machine needs nothing installed; <c>Pdf:FontFolder</c>
/// may point at another copy (for example Debian's /usr/share/fonts/truetype/liberation2), which then must hold all four.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Liberation Serif";

    private static readonly string[] Faces = ["LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"];
    private static readonly Lock Gate = new();
    private static PdfFonts? _installed;

    private readonly Dictionary<string, byte[]> _faces;

    private PdfFonts(Dictionary<string, byte[]> faces) => _faces = faces;

    /// <summary>Where the faces came from: the folder, or "embedded".</summary>
    public string Source { get; private init; } = "embedded";

    /// <summary>
    /// Installs the resolver once per process (PDFsharp keeps it in a static). A missing or incomplete folder fails with
    /// a message naming the folder and the files, before any document is drawn.
    /// </summary>
    public static PdfFonts Install(string? folder)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            var fonts = string.IsNullOrWhiteSpace(folder) ? FromAssembly() : FromFolder(folder);
            GlobalFontSettings.FontResolver = fonts;
            _installed = fonts;
            return fonts;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Every request gets the serif family: the official format has one typeface, and a stray family name must not
        // fall back to a font without Vietnamese glyphs.
        var face = (bold, italic) switch
        {
            (true, true) => Faces[3],
            (true, false) => Faces[1],
            (false, true) => Faces[2],
            _ => Faces[0],
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static PdfFonts FromAssembly()
    {
        var assembly = typeof(PdfFonts).Assembly;
        var faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var face in Faces)
        {
            using var stream = assembly.GetManifestResourceStream($"DirectiveHub.Printing.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"The font {face}.ttf is missing from {assembly.GetName().Name}: the build did not embed Printing/Fonts.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            faces[face] = copy.ToArray();
        }

        return new PdfFonts(faces);
    }

    private static PdfFonts FromFolder(string folder)
    {
        var missing = Faces.Where(f => !File.Exists(Path.Combine(folder, f + ".ttf"))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Pdf:FontFolder is \"{folder}\" but {string.Join(", ", missing.Select(m => m + ".ttf"))} is not there. " +
                "Install Debian's fonts-liberation2 (/usr/share/fonts/truetype/liberation2) or leave Pdf:FontFolder empty to use the fonts shipped with the app.");
        }

        return new PdfFonts(Faces.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder, f + ".ttf")), StringComparer.Ordinal)) { Source = folder };
    }
}
