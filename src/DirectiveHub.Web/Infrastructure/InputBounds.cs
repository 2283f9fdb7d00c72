namespace DirectiveHub.Web.Infrastructure;

/// <summary>The bounds every edge input is held to, for the pages' binders and the API's filter alike.</summary>
public static class InputBounds
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public const int MaxPage = 100_000;

    public const int MaxQueryStringLength = 1_000;

    /// <summary>Any list in a request body; the forms' validators hold tighter, named limits (recipients, tasks …).</summary>
    public const int MaxListLength = 1_000;

    public static string DateMessage => $"Ngày phải nằm trong khoảng {EarliestDate:dd/MM/yyyy} – {LatestDate:dd/MM/yyyy}.";

    public static string PageMessage => $"Số trang phải từ 1 đến {MaxPage}.";

    public static string YearMessage => $"Năm phải từ {EarliestDate.Year} đến {LatestDate.Year}.";

    public const string ControlMessage = "Chuỗi chứa ký tự điều khiển (như NUL) không được phép.";

    public static bool IsPageName(string name) =>
        name.Equals("page", StringComparison.OrdinalIgnoreCase) || name.Equals("pageNumber", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="value"/> is acceptable for a parameter or property named <paramref name="name"/>, else the message.</summary>
    public static string? Check(string name, object? value) => value switch
    {
        null => null,
        DateOnly d => d < EarliestDate || d > LatestDate ? DateMessage : null,
        DateTime t => t < EarliestDate.ToDateTime(TimeOnly.MinValue) || t > LatestDate.ToDateTime(TimeOnly.MaxValue) ? DateMessage : null,
        DateTimeOffset o => o.UtcDateTime < EarliestDate.ToDateTime(TimeOnly.MinValue) || o.UtcDateTime > LatestDate.ToDateTime(TimeOnly.MaxValue) ? DateMessage : null,
        int i when IsPageName(name) => i is < 1 or > MaxPage ? PageMessage : null,
        int i when name.Equals("year", StringComparison.OrdinalIgnoreCase) => i < EarliestDate.Year || i > LatestDate.Year ? YearMessage : null,
        int i => i is < 0 or > 100_000_000 ? "Giá trị số nằm ngoài giới hạn cho phép." : null,
        long l => l is < 0 or > 100_000_000_000 ? "Giá trị số nằm ngoài giới hạn cho phép." : null,
        string s => ControlCharacters.AnyIn(s) ? ControlMessage : null,
        _ => null,
    };
}
