using DirectiveHub.Assignments;
using DirectiveHub.Calendar;

namespace DirectiveHub.Tests.Jobs;

public sealed class AlertLadderTests
{
    private static readonly AlertLadder Ladder = new(new WorkingCalendar(WorkingCalendarSeed.Days.Select(d => (d.Date, d.Kind))), 3, 3);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Yellow_comes_three_working_days_before_a_deadline_after_Tet_not_three_calendar_days()
    {
        // Tết Đinh Mùi: off 04/2–10/2/2027; the working days before Friday 12/2 are 11/2, 03/2, 02/2.
        Assert.Empty(Ladder.Reached(D(2027, 2, 12), D(2027, 2, 1)));
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2027, 2, 12), D(2027, 2, 2)));
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2027, 2, 12), D(2027, 2, 9)));
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2027, 2, 12), D(2027, 2, 12)));

        // A deadline inside Tết (Monday 08/2) is three working days away on Friday 29/1, and within the sweep's reach.
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2027, 2, 8), D(2027, 1, 29)));
        Assert.Empty(Ladder.Reached(D(2027, 2, 8), D(2027, 1, 28)));
        Assert.Equal(D(2027, 2, 10), Ladder.YellowHorizon(D(2027, 1, 29)));
    }

    [Fact]
    public void Red_is_the_day_after_the_deadline_and_special_red_three_working_days_late()
    {
        // Due Wednesday 03/2/2027, the last day before Tết: red from 04/2, special red on 15/2 (11/2, 12/2, 15/2).
        Assert.Equal([AlertLevel.Red], Ladder.Reached(D(2027, 2, 3), D(2027, 2, 4)));
        Assert.Equal([AlertLevel.Red], Ladder.Reached(D(2027, 2, 3), D(2027, 2, 12)));
        Assert.Equal([AlertLevel.Red, AlertLevel.SpecialRed], Ladder.Reached(D(2027, 2, 3), D(2027, 2, 15)));
        Assert.Equal(3, Ladder.DaysLate(D(2027, 2, 3), D(2027, 2, 15)));
        Assert.Equal(D(2027, 2, 10), Ladder.SpecialRedOnOrBefore(D(2027, 2, 15)));
        Assert.Equal(D(2027, 2, 2), Ladder.SpecialRedOnOrBefore(D(2027, 2, 12)));
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day_on_the_ladder()
    {
        // 2025: Saturday 26/4 worked, Friday 02/5 off. Due Monday 28/4: yellow on Thursday 24/4 (25/4, 26/4, 28/4).
        Assert.Empty(Ladder.Reached(D(2025, 4, 28), D(2025, 4, 23)));
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2025, 4, 28), D(2025, 4, 24)));

        // Late from 29/4; 30/4–04/5 are off, so special red waits for Tuesday 06/5.
        Assert.Equal([AlertLevel.Red], Ladder.Reached(D(2025, 4, 28), D(2025, 5, 5)));
        Assert.Equal([AlertLevel.Red, AlertLevel.SpecialRed], Ladder.Reached(D(2025, 4, 28), D(2025, 5, 6)));

        // A deadline on the make-up Saturday itself.
        Assert.Equal([AlertLevel.Yellow], Ladder.Reached(D(2025, 4, 26), D(2025, 4, 23)));
        Assert.Equal([AlertLevel.Red], Ladder.Reached(D(2025, 4, 26), D(2025, 4, 27)));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var ladder = new AlertLadder(WorkingCalendar.PlainWeek, 1, 5);

        // Due Friday 10/9/2027: yellow only from Thursday; special red after five working days late.
        Assert.Empty(ladder.Reached(D(2027, 9, 10), D(2027, 9, 8)));
        Assert.Equal([AlertLevel.Yellow], ladder.Reached(D(2027, 9, 10), D(2027, 9, 9)));
        Assert.Equal([AlertLevel.Red], ladder.Reached(D(2027, 9, 10), D(2027, 9, 16)));
        Assert.Equal([AlertLevel.Red, AlertLevel.SpecialRed], ladder.Reached(D(2027, 9, 10), D(2027, 9, 17)));
        Assert.Equal(D(2027, 9, 19), ladder.YellowHorizon(D(2027, 9, 16)));
    }
}
