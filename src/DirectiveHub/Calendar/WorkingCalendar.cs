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

    // The exceptions that change a plain week's count (a holiday on a weekday, a make-up Saturday), in date order,
    // with the running sum of their changes: counting over years of overdue history is then two lookups, not a walk.
    private readonly int[] _changedDays;
    private readonly int[] _changeSums;

    public WorkingCalendar(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> exceptions)
    {
        _exceptions = exceptions.ToDictionary(e => e.Date, e => e.Kind);
        var changes = _exceptions
            .Select(e => (Day: e.Key.DayNumber, Change: (e.Value == CalendarDayKind.WorkingDay ? 1 : 0) - (IsWeekend(e.Key) ? 0 : 1)))
            .Where(c => c.Change != 0)
            .OrderBy(c => c.Day)
            .ToArray();
        _changedDays = changes.Select(c => c.Day).ToArray();
        _changeSums = new int[changes.Length];
        for (int i = 0, sum = 0; i < changes.Length; i++)
        {
            _changeSums[i] = sum += changes[i].Change;
        }
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

        return WorkingDaysUpTo(to.DayNumber) - WorkingDaysUpTo(from.DayNumber);
    }

    // Working days from 1 January of year 1 (a Monday, day number 0) up to and including the given day.
    private int WorkingDaysUpTo(int dayNumber)
    {
        var days = dayNumber + 1;
        var weekdays = (days / 7 * 5) + Math.Min(days % 7, 5);
        var index = Array.BinarySearch(_changedDays, dayNumber);
        var changesUpTo = index >= 0 ? index : ~index - 1;
        return weekdays + (changesUpTo >= 0 ? _changeSums[changesUpTo] : 0);
    }
}
