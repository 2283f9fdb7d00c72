using System.Globalization;
using System.Text;

namespace DirectiveHub.Text;

public static class VietnameseText
{
    /// <summary>
    /// Folds text for diacritic- and case-insensitive search: "Phòng, chống dịch" → "phong, chong dich".
    /// Mark stripping after FormD leaves Đ/đ (a distinct letter, not d + mark), so they are mapped explicitly.
    /// </summary>
    /// <summary>The first letter in capitals, as a sentence starts ("đã hủy" → "Đã hủy").</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The folded words of a text, punctuation and spacing dropped: "Phòng, chống dịch (Covid-19)" → phong, chong,
    /// dich, covid, 19. Search matches words, so a comma in the subject never hides it.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// The stored search form of a text: its folded words between single spaces, with a space at each end, so that
    /// " word " matches a whole word and " wor" the start of one (see <c>DirectiveSearch</c>).
    /// </summary>
    public static string SearchForm(string? text)
    {
        var words = Words(text);
        return words.Count == 0 ? string.Empty : " " + string.Join(' ', words) + " ";
    }
}
