using System.Globalization;
using System.Text.RegularExpressions;

namespace DirectiveHub.Import;

/// <summary>The grammar of directive text: numbers, date lines, deadlines and citations, as regular expressions.</summary>
internal static partial class TextPatterns
{
    // A Party number "114-CV/HU", "05-NQ/ĐU", "667 - CV/QU", "22-CV/BDVHU", "163-TB/BCĐ", "26-BS/QU".
    private const string PartyNumber = @"(?<seq>\d{1,5})\s*[-–]\s*(?<type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*/\s*(?<issuer>[A-ZĐ][A-Za-zĐđƯ0-9]{0,15}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,10})?)";

    // A state number "1102/CĐ-TTg", "5522/BYT-MT", "30/2020/NĐ-CP".
    private const string StateNumber = @"(?<seq>\d{1,5})(?:/(?<year>(?:19|20)\d{2}))?/(?<code>[A-ZĐ][A-Za-zĐđ]{0,6})(?:-(?<agency>[A-ZĐ][A-Za-zĐđ0-9]{0,10}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,10})?))?";

    private const string Kinds =
        "Thông báo kết luận|Chỉ thị|Kết luận|Nghị quyết|Nghị định|Công văn|Công điện|Thông báo|Kế hoạch|Quyết định|Quy định|Hướng dẫn|Thông tri|Thông tư|Báo cáo|Chương trình|Đề án|Tờ trình|Quy chế|Phương án|Văn bản";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [GeneratedRegex(@"^\s*(?:-\s*)?Số\s*:?\s*" + PartyNumber, RegexOptions.CultureInvariant, 1000)]
    public static partial Regex PartyNumberLine();

    [GeneratedRegex(@"^\s*(?:-\s*)?Số\s*:?\s*" + StateNumber, RegexOptions.CultureInvariant, 1000)]
    public static partial Regex StateNumberLine();

    [GeneratedRegex(@"^(?<place>[^,\d]{0,60}?)\s*,?\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex DateLine();

    // Upper case only: "Đảng Cộng sản Việt Nam" inside a subject is not the heading.
    [GeneratedRegex(@"ĐẢNG\s+C[ỘÔO]NG\s+S[ẢẠA]N\s+VI[ỆÊE]T\s+NAM", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex NationalHeading();

    [GeneratedRegex(@"^(?:-\s*)?K[ií]nh\s+g[ửư]i\s*:?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex KinhGui();

    [GeneratedRegex(@"^N[ơo]i\s+nh[ậa]n\s*:?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex NoiNhan();

    [GeneratedRegex(@"^SAO\s+L[ỤU]C\b", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex SaoLuc();

    [GeneratedRegex(@"^(?<label>\d{1,2})\s*[.)]\s+(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex NumberedItem();

    [GeneratedRegex(@"^(?<label>[IVX]{1,5})\s*[.)-]\s+(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex RomanItem();

    [GeneratedRegex(@"^\((?<label>\d{1,2})\)\s*(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex ParenthesizedItem();

    [GeneratedRegex(@"^(?<label>[a-zđ])\s*\)\s*(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex LetterItem();

    [GeneratedRegex(@"^[-–+•]\s*(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex BulletItem();

    [GeneratedRegex(@"^(?<form>T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(?<body>.*)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex SigningForm();

    // Deadlines: "hoàn thành trước ngày 04/9/2021", "trước ngày 15/9", "chậm nhất ngày 20/9/2021", "trước ngày 04 tháng 9 năm 2021".
    [GeneratedRegex(@"(?:trước|chậm\s+nhất(?:\s+(?:là|vào|trước))?|hạn\s+chót|hạn\s+cuối|thời\s+hạn(?:\s+hoàn\s+thành)?\s*:?)\s*(?:ngày\s*)?(?:(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s+năm\s+(?<y>\d{4}))?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Deadline();

    [GeneratedRegex(@"(?:(?<kind>(?i:" + Kinds + @"))\s+(?:[Ss]ố\s*:?\s*)?|\b[Ss]ố\s*:?\s*)" + PartyNumber, RegexOptions.CultureInvariant, 1000)]
    public static partial Regex PartyCitation();

    [GeneratedRegex(@"(?:(?<kind>(?i:" + Kinds + @"))\s+(?:[Ss]ố\s*:?\s*)?|\b[Ss]ố\s*:?\s*)" + StateNumber, RegexOptions.CultureInvariant, 1000)]
    public static partial Regex StateCitation();

    [GeneratedRegex(@"^\s*,?\s*(?:ban\s+hành\s+)?(?:ngày\s+)?(?:(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex DateAfterCitation();

    [GeneratedRegex(@"^H[ỎO]A[\s-]*T[ỐO]C(?:\s+H[ẸE]N\s+GI[ỜO].*)?$|^TH[ƯU][ỢO]NG[\s-]*KH[ẨA]N$|^KH[ẨA]N$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    public static partial Regex UrgencyStamp();

    [GeneratedRegex(@"^(?:TUY[ỆE]T\s+M[ẬA]T|T[ỐO]I\s+M[ẬA]T|M[ẬA]T)$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex ConfidentialityStamp();

    public static DateOnly? Date(string? day, string? month, string? year)
    {
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }

        return y is >= 1930 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }
}
