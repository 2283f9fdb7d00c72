using DirectiveHub.Calendar;

namespace DirectiveHub.Assignments;

/// <summary>
/// Which rungs of the alert ladder an outstanding task assignment has reached on a Vietnam date, counted in working
/// days on the calendar. Red is the one overdue rule (<see cref="TaskAssignmentState.IsOverdue"/>: the day after the
/// deadline); special red counts working days late as the exception view does. A sweep that missed days (or a first
/// sweep over old data) sends every rung from red upwards at once, since each goes to a different audience; yellow is
/// not sent once the task is already late.
/// </summary>
public sealed class AlertLadder(WorkingCalendar calendar, int yellowWorkingDays, int specialRedWorkingDays)
{
    public int YellowWorkingDays { get; } = Math.Max(0, yellowWorkingDays);

    public int SpecialRedWorkingDays { get; } = Math.Max(1, specialRedWorkingDays);

    /// <summary>
    /// The last deadline that can be yellow on <paramref name="today"/> (the day before the next working day beyond the
    /// threshold, so that a deadline on a day off after the window's last working day is in it): the sweep reads
    /// deadlines up to it.
    /// </summary>
    public DateOnly YellowHorizon(DateOnly today) => calendar.AddWorkingDays(today, YellowWorkingDays + 1).AddDays(-1);

    /// <summary>The rungs reached on <paramref name="today"/> by an outstanding assignment due <paramref name="deadline"/>.</summary>
    public IReadOnlyList<AlertLevel> Reached(DateOnly deadline, DateOnly today)
    {
        if (deadline < today)
        {
            return IsSpecialRed(deadline, today) ? [AlertLevel.Red, AlertLevel.SpecialRed] : [AlertLevel.Red];
        }

        // "3 working days before": the deadline is at most 3 working days after today (the deadline day itself is the
        // last working day; a deadline on a day off still counts from the working days before it).
        return calendar.WorkingDaysBetween(today, deadline) <= YellowWorkingDays ? [AlertLevel.Yellow] : [];
    }

    /// <summary>Late by the threshold's number of working days or more: the issuing level must decide.</summary>
    public bool IsSpecialRed(DateOnly deadline, DateOnly today) => deadline < today && DaysLate(deadline, today) >= SpecialRedWorkingDays;

    /// <summary>
    /// The latest deadline that is special red on <paramref name="today"/>: the days after it up to today hold the
    /// threshold's number of working days. Lets a query count special-red items with a plain date comparison.
    /// </summary>
    public DateOnly SpecialRedOnOrBefore(DateOnly today) => LateOnOrBefore(today, SpecialRedWorkingDays);

    /// <summary>The latest deadline that is at least <paramref name="workingDays"/> working days late on <paramref name="today"/>.</summary>
    public DateOnly LateOnOrBefore(DateOnly today, int workingDays)
    {
        var date = today;
        for (var counted = 0; counted < workingDays; date = date.AddDays(-1))
        {
            if (today.DayNumber - date.DayNumber > 366 * 20)
            {
                throw new InvalidOperationException("The calendar has no working days in the span asked for.");
            }

            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days late on <paramref name="today"/> (zero when not late).</summary>
    public int DaysLate(DateOnly deadline, DateOnly today) => calendar.WorkingDaysBetween(deadline, today);

    public static string Text(AlertLevel level) => level switch
    {
        AlertLevel.Yellow => "Cảnh báo vàng",
        AlertLevel.Red => "Cảnh báo đỏ",
        _ => "Cảnh báo đỏ đặc biệt",
    };
}
