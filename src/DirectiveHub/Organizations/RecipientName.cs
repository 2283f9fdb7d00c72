using System.Globalization;

namespace DirectiveHub.Organizations;

/// <summary>
/// How a unit is named in running text ("Kính gửi: - Đảng ủy xã Sài Sơn,"): the tree keeps the name as a header
/// prints it, in capitals ("ĐẢNG ỦY XÃ SÀI SƠN"), which a recipient line must not copy. The samples write the
/// body's name in lower case after its first letter, keep acronyms (UBND, HĐND, MTTQ), the place as it is spelt and
/// the capital of a committee named inside another body ("Văn phòng Huyện ủy", "Ban Thường vụ").
/// </summary>
public static class RecipientName
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "UBND", "HĐND", "MTTQ", "UBMTTQ", "UBKT", "BCĐ", "BCH", "TW", "VP", "BTG", "BTC", "BDV", "ĐU", "HU", "TU", "QU", "CB", "CCB", "TNCS", "MTTQVN",
    };

    // Bodies whose name keeps its capital inside another name, as the samples write them.
    private static readonly string[] Proper = ["Huyện ủy", "Tỉnh ủy", "Thành ủy", "Quận ủy", "Thị ủy", "Ban Thường vụ", "Ban Chấp hành", "Ban Bí thư", "Bộ Chính trị", "Trung ương", "Đảng", "Hồ Chí Minh"];

    public static string Of(string name, string? place)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsLower))
        {
            // Already written as running text (an administrator typed it so): kept as it is.
            return trimmed;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Acronyms.Contains(w.TrimEnd(',', ';', '.', ')').TrimStart('(')) ? w : w.ToLower(Vietnamese))
            .ToList();
        var text = string.Join(' ', words);
        foreach (var proper in Proper.Append(place).OfType<string>().Where(p => p.Length > 0))
        {
            text = ReplaceWord(text, proper);
        }

        return char.ToUpper(text[0], Vietnamese) + text[1..];
    }

    private static string ReplaceWord(string text, string proper)
    {
        var lower = proper.ToLower(Vietnamese);
        var start = 0;
        while ((start = text.IndexOf(lower, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + lower.Length;
            var wordStart = start == 0 || !char.IsLetter(text[start - 1]);
            var wordEnd = end == text.Length || !char.IsLetter(text[end]);
            if (wordStart && wordEnd)
            {
                text = string.Concat(text.AsSpan(0, start), proper, text.AsSpan(end));
            }

            start = end;
        }

        return text;
    }
}
