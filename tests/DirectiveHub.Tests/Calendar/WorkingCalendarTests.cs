using DirectiveHub.Calendar;

namespace DirectiveHub.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Seeded = new(WorkingCalendarSeed.Days.Select(d => (d.Date, d.Kind)));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Counting_working_days_over_years_agrees_with_walking_the_days_one_by_one()
    {
        // The count is arithmetic (a plain week plus the calendar's changes) so that years of overdue history cost
        // nothing; it must agree with the definition, day by day, across every seeded year and beyond them.
        var random = new Random(20261201);
        for (var i = 0; i < 400; i++)
        {
            var from = D(2019, 1, 1).AddDays(random.Next(0, 365 * 10));
            var to = from.AddDays(random.Next(-5, i % 4 == 0 ? 3000 : 40));
            var walked = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                walked += Seeded.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.True(walked == Seeded.WorkingDaysBetween(from, to), $"{from:yyyy-MM-dd} → {to:yyyy-MM-dd}: walked {walked}, counted {Seeded.WorkingDaysBetween(from, to)}");
        }

        Assert.Equal(5, WorkingCalendar.PlainWeek.WorkingDaysBetween(D(1, 1, 1), D(1, 1, 8)));
    }

    [Fact]
    public void One_working_day_after_a_Friday_is_the_Monday()
    {
        Assert.Equal(D(2021, 11, 1), Seeded.AddWorkingDays(D(2021, 10, 29), 1));
        Assert.Equal(D(2021, 11, 5), Seeded.AddWorkingDays(D(2021, 10, 29), 5));
        Assert.Equal(D(2021, 10, 29), Seeded.AddWorkingDays(D(2021, 10, 29), 0));
    }

    [Fact]
    public void A_deadline_across_Tet_skips_the_whole_break()
    {
        // Tết Ất Tỵ: off from Saturday 25/01 to Sunday 02/02/2025.
        Assert.Equal(D(2025, 2, 3), Seeded.AddWorkingDays(D(2025, 1, 24), 1));
        Assert.Equal(D(2025, 2, 7), Seeded.AddWorkingDays(D(2025, 1, 24), 5));
        Assert.Equal(1, Seeded.WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 3)));
        Assert.All(Enumerable.Range(0, 9).Select(i => D(2025, 1, 25).AddDays(i)), day => Assert.False(Seeded.IsWorkingDay(day)));
    }

    [Fact]
    public void A_make_up_Saturday_counts_and_the_swapped_day_does_not()
    {
        // 2025: Friday 02/5 off, worked on Saturday 26/4.
        Assert.True(Seeded.IsWorkingDay(D(2025, 4, 26)));
        Assert.False(Seeded.IsWorkingDay(D(2025, 5, 2)));
        Assert.Equal(D(2025, 4, 26), Seeded.AddWorkingDays(D(2025, 4, 25), 1));
        Assert.Equal(D(2025, 5, 5), Seeded.AddWorkingDays(D(2025, 4, 29), 1));

        // 2024: Monday 29/4 off, worked on Saturday 04/5; a deadline may fall on that Saturday.
        Assert.Equal(D(2024, 5, 4), Seeded.AddWorkingDays(D(2024, 4, 26), 3));
        Assert.Equal(4, Seeded.WorkingDaysBetween(D(2024, 4, 26), D(2024, 5, 6)));
    }

    [Fact]
    public void Ten_working_days_from_the_Friday_before_National_Day()
    {
        // Friday 27/8/2021: 30/8, 31/8, 01/9 count; 02/9 and 03/9 (Quốc khánh and its adjacent day) and the weekend
        // do not; then 06/9–10/9, 13/9, 14/9.
        Assert.Equal(D(2021, 9, 14), Seeded.AddWorkingDays(D(2021, 8, 27), 10));
        Assert.Equal(D(2021, 9, 10), WorkingCalendar.PlainWeek.AddWorkingDays(D(2021, 8, 27), 10));
        Assert.Equal(10, Seeded.WorkingDaysBetween(D(2021, 8, 27), D(2021, 9, 14)));
    }

    [Fact]
    public void Days_late_count_working_days_only()
    {
        // Due Friday 12/11/2021: on Saturday and Sunday it is late by no working day yet, on Monday by one.
        Assert.Equal(0, Seeded.WorkingDaysBetween(D(2021, 11, 12), D(2021, 11, 14)));
        Assert.Equal(1, Seeded.WorkingDaysBetween(D(2021, 11, 12), D(2021, 11, 15)));
        Assert.Equal(0, Seeded.WorkingDaysBetween(D(2021, 11, 15), D(2021, 11, 12)));
    }

    [Fact]
    public void A_span_in_calendar_days_ignores_the_calendar()
    {
        var span = ReceiptDeadline.Create(15, workingDays: false);
        Assert.Equal(D(2022, 2, 12), span.DueFrom(D(2022, 1, 28), Seeded));
        Assert.Equal("trong 15 ngày kể từ ngày nhận văn bản", span.ToText());
        Assert.Equal("trong 10 ngày làm việc kể từ ngày nhận văn bản", ReceiptDeadline.Create(10, true).ToText());
        Assert.Throws<DomainException>(() => ReceiptDeadline.Create(0, true));
        Assert.Throws<DomainException>(() => ReceiptDeadline.Create(ReceiptDeadline.MaxDays + 1, true));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Every_seeded_year_has_the_Labour_Code_holidays(int year)
    {
        var days = WorkingCalendarSeed.Days.Where(d => d.Date.Year == year).ToList();
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        Assert.Contains(days, d => d.Date == D(year, 1, 1) && d.Kind == CalendarDayKind.DayOff);
        Assert.Contains(days, d => d.Date == D(year, 4, 30));
        Assert.Contains(days, d => d.Date == D(year, 5, 1));
        Assert.Contains(days, d => d.Date == D(year, 9, 2));
        Assert.Contains(days, d => d.Name.StartsWith("Giỗ Tổ", StringComparison.Ordinal));
        Assert.Contains(days, d => d.Name == "Nghỉ Quốc khánh (ngày liền kề)" && Math.Abs(d.Date.DayNumber - D(year, 9, 2).DayNumber) <= 1);

        // Five weekdays of Tết (the Labour Code's five days), and make-up days only on weekends.
        Assert.Equal(5, days.Count(d => d.Name == "Tết Nguyên đán" && !WorkingCalendar.IsWeekend(d.Date)));
        Assert.All(days.Where(d => d.Kind == CalendarDayKind.WorkingDay), d => Assert.True(WorkingCalendar.IsWeekend(d.Date)));
    }

    [Fact]
    public void A_make_up_working_day_must_be_a_weekend_day()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Throws<DomainException>(() => new CalendarDay(D(2026, 12, 2), CalendarDayKind.WorkingDay, "Làm bù", now));
        Assert.Throws<DomainException>(() => new CalendarDay(D(2026, 12, 5), CalendarDayKind.DayOff, "  ", now));
        Assert.Equal(CalendarDayKind.WorkingDay, new CalendarDay(D(2026, 12, 5), CalendarDayKind.WorkingDay, "Làm bù", now).Kind);
    }
}
