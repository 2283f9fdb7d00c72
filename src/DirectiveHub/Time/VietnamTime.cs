using System.Globalization;

namespace DirectiveHub.Time;

/// <summary>
/// Dates users see are Vietnam dates (Asia/Ho_Chi_Minh, UTC+7, no daylight saving): a deadline of 04/9/2021
/// is late from 05/9/2021 00:00 ICT, whatever the server's zone.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToVietnam(clock.GetUtcNow()).DateTime);

    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTime ToVietnam(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Vietnam date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToVietnam(utc));

    /// <summary>The first instant (UTC) at which a task due on <paramref name="deadline"/> is late.</summary>
    public static DateTime LateFromUtc(DateOnly deadline) =>
        TimeZoneInfo.ConvertTimeToUtc(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>"30/10/2021" as dates are written in running text (day first).</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ShortDateTime(DateTime utc) =>
        ToVietnam(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The official date line: "Quốc Oai, ngày 30 tháng 10 năm 2021". The day always has two digits; the month has a
    /// leading zero only for 01 and 02 (the format guide's rule), so "MM" cannot be used.
    /// </summary>
    public static string DateLine(string? place, DateOnly date)
    {
        var month = date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"ngày {date.Day:00} tháng {month} năm {date.Year}");
        return string.IsNullOrWhiteSpace(place) ? line : $"{place}, {line}";
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Containers without tzdata: Vietnam has had a fixed +07:00 offset since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time", "ICT");
        }
    }
}
