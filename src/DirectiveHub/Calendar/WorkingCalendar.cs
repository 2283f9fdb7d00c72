namespace DirectiveHub.Calendar;

/// <summary>
/// Working-day arithmetic over the plain week and the calendar's exceptions. Offices count "N ngày làm việc kể từ
/// ngày nhận" from the day after receipt: the receipt day itself is day zero, whatever its kind. Dates outside the
/// seeded years fall back to the plain week.
/// </summary>
public sealed class WorkingCalendar
{
    // A span beyond any deadline a directive sets; it only bounds the loops against a calendar with no working days.
    private const int MaxSpanDays = 366 * 20;

    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingCalendar(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> exceptions)
    {
        _exceptions = exceptions.ToDictionary(e => e.Date, e => e.Kind);
    }

    /// <summary>Only weekends: for tests and for dates the administrators have not filled in.</summary>
    public static WorkingCalendar PlainWeek { get; } = new([]);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var kind) ? kind == CalendarDayKind.WorkingDay : !IsWeekend(date);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (date.DayNumber - start.DayNumber > MaxSpanDays)
            {
                throw new InvalidOperationException("The calendar has no working days in the span asked for.");
            }

            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; zero when
    /// <paramref name="to"/> is not later. "Days late" is this count from the deadline to today.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var span = to.DayNumber - from.DayNumber;
        if (span > MaxSpanDays * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The span is longer than any deadline.");
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
