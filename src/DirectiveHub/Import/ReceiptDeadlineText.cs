using System.Globalization;
using System.Text.RegularExpressions;
using DirectiveHub.Calendar;

namespace DirectiveHub.Import;

/// <summary>
/// Recognizes a deadline counted from receipt in a task's text: "trong 10 ngày làm việc kể từ ngày nhận được văn
/// bản", "trong vòng 15 ngày kể từ ngày nhận công văn", "chậm nhất 05 ngày làm việc, kể từ ngày nhận được Kế hoạch".
/// Kept apart from the date deadlines of <see cref="DirectiveTextParser"/>, which it only complements.
/// </summary>
public static partial class ReceiptDeadlineText
{
    /// <returns>The span, or null when the text names none (or names a number of days beyond any deadline).</returns>
    public static ReceiptDeadline? Find(string text)
    {
        if (string.IsNullOrEmpty(text) || Pattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var days = int.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return days is >= 1 and <= ReceiptDeadline.MaxDays ? new ReceiptDeadline(days, match.Groups["work"].Success) : null;
    }

    // Spaces and line breaks vary in copies; "làm việc" may be missing (calendar days); "được" and the document's
    // name after "nhận" are optional.
    [GeneratedRegex(@"(?:trong(?:\s+vòng)?|chậm\s+nhất(?:\s+(?:là|sau))?|sau|thời\s+hạn)\s+(?<n>\d{1,3})\s+ngày(?<work>\s+làm\s+việc)?\s*,?\s*(?:kể|tính)\s+từ\s+(?:ngày\s+|khi\s+)?nhận(?:\s+được)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Pattern();
}
