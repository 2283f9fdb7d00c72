using System.Globalization;
using System.Text.RegularExpressions;

namespace DirectiveHub.Reports;

/// <summary>
/// A reporting period as offices name it: a month ("2026-11"), a quarter ("2026-Q4"), a half-year ("2026-H2") or a
/// year ("2026"). Dates are Vietnam dates, both included.
/// </summary>
public sealed partial record ReportPeriod(string Code, DateOnly From, DateOnly To, string Title)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static ReportPeriod? Parse(string? code)
    {
        var match = CodePattern().Match(code?.Trim().ToUpperInvariant() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 9998)
        {
            return null;
        }

        var part = match.Groups["part"].Value;
        var y = year.ToString(CultureInfo.InvariantCulture);
        switch (part)
        {
            case "":
                return new ReportPeriod(y, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"năm {y}");
            case ['Q', var q] when q is >= '1' and <= '4':
                {
                    var quarter = q - '0';
                    var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
                    return new ReportPeriod($"{y}-Q{quarter}", from, from.AddMonths(3).AddDays(-1), $"quý {Roman[quarter - 1]} năm {y}");
                }

            case ['H', var h] when h is '1' or '2':
                {
                    var from = new DateOnly(year, h == '1' ? 1 : 7, 1);
                    return new ReportPeriod($"{y}-H{h}", from, from.AddMonths(6).AddDays(-1), h == '1' ? $"6 tháng đầu năm {y}" : $"6 tháng cuối năm {y}");
                }

            default:
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                    {
                        return null;
                    }

                    var from = new DateOnly(year, month, 1);
                    return new ReportPeriod($"{y}-{month:00}", from, from.AddMonths(1).AddDays(-1), $"tháng {month} năm {y}");
                }
        }
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<part>Q\d|H\d|\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
