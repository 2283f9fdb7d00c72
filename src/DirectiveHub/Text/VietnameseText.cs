using System.Globalization;
using System.Text;

namespace DirectiveHub.Text;

public static class VietnameseText
{
    /// <summary>
    /// Folds text for diacritic- and case-insensitive search: "Phòng, chống dịch" → "phong, chong dich".
    /// Mark stripping after FormD leaves Đ/đ (a distinct letter, not d + mark), so they are mapped explicitly.
    /// </summary>
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
}
