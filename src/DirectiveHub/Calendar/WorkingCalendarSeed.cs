namespace DirectiveHub.Calendar;

/// <summary>
/// The calendar every database starts with (2021–2027), written by a migration so that it exists on every database,
/// demo or not; administrators correct and extend it from there.
/// <para>
/// Sources. The holidays are those of the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14, art. 112, in force from
/// 2021): Tết Dương lịch 1 day, Tết Nguyên đán 5 days, Giỗ Tổ Hùng Vương (10/3 lunar) 1 day, 30/4 and 1/5, Quốc
/// khánh 2/9 plus the day before or after it; a holiday on a weekend is followed by a compensatory day off (art. 111,
/// Nghị định 145/2020/NĐ-CP). The lunar dates (Tết, Giỗ Tổ) were converted for UTC+7 with Hồ Ngọc Đức's algorithm
/// and agree with the published calendars. The Tết breaks, the adjacent Quốc khánh day and the swapped days with
/// their make-up Saturdays are those announced each year for cán bộ, công chức, viên chức (the Prime Minister's
/// decisions as published by the Ministry of Labour, from 2025 the Ministry of Home Affairs), as best known when this
/// was written:
/// 2024: 29/4 off, worked Saturday 04/5; 2025: 02/5 off, worked Saturday 26/4.
/// </para>
/// <para>
/// Uncertain, to be checked by the administrators against the announcements: the adjacent Quốc khánh day of 2026
/// (01/9 seeded) and 2027 (03/9 seeded), and the Tết 2027 break (04/2–10/2 seeded, on the 2024 pattern of a Tết
/// falling on a Saturday); any swap for Tết Dương lịch 2026 (none seeded); a day off for Ngày Văn hóa Việt Nam (24/11),
/// not seeded. A wrong entry is fixed on Quản trị › Lịch làm việc, and the change is audited.
/// </para>
/// </summary>
public static class WorkingCalendarSeed
{
    /// <summary>When the seed was written; seeded rows carry it as their last change.</summary>
    public static readonly DateTime SeededAt = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private const string NewYear = "Tết Dương lịch";
    private const string NewYearInLieu = "Nghỉ bù Tết Dương lịch";
    private const string LunarNewYear = "Tết Nguyên đán";
    private const string HungKings = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    private const string HungKingsInLieu = "Nghỉ bù Giỗ Tổ Hùng Vương";
    private const string Reunification = "Ngày Chiến thắng (30/4)";
    private const string ReunificationInLieu = "Nghỉ bù Ngày Chiến thắng (30/4)";
    private const string Labour = "Ngày Quốc tế Lao động (1/5)";
    private const string LabourInLieu = "Nghỉ bù Ngày Quốc tế Lao động (1/5)";
    private const string National = "Quốc khánh (2/9)";
    private const string NationalAdjacent = "Nghỉ Quốc khánh (ngày liền kề)";
    private const string NationalInLieu = "Nghỉ bù Quốc khánh";

    public static IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Days { get; } = Build();

    private static List<(DateOnly, CalendarDayKind, string)> Build()
    {
        var days = new List<(DateOnly, CalendarDayKind, string)>();
        void Off(int y, int m, int d, string name) => days.Add((new DateOnly(y, m, d), CalendarDayKind.DayOff, name));
        void Worked(int y, int m, int d, string name) => days.Add((new DateOnly(y, m, d), CalendarDayKind.WorkingDay, name));
        void Tet(DateOnly first, DateOnly last)
        {
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                days.Add((date, CalendarDayKind.DayOff, LunarNewYear));
            }
        }

        // 2021 (Tết Tân Sửu: mùng 1 = 12/02)
        Off(2021, 1, 1, NewYear);
        Tet(new(2021, 2, 10), new(2021, 2, 16));
        Off(2021, 4, 21, HungKings);
        Off(2021, 4, 30, Reunification);
        Off(2021, 5, 1, Labour);
        Off(2021, 5, 3, LabourInLieu);
        Off(2021, 9, 2, National);
        Off(2021, 9, 3, NationalAdjacent);

        // 2022 (Tết Nhâm Dần: mùng 1 = 01/02)
        Off(2022, 1, 1, NewYear);
        Off(2022, 1, 3, NewYearInLieu);
        Tet(new(2022, 1, 29), new(2022, 2, 6));
        Off(2022, 4, 10, HungKings);
        Off(2022, 4, 11, HungKingsInLieu);
        Off(2022, 4, 30, Reunification);
        Off(2022, 5, 1, Labour);
        Off(2022, 5, 2, ReunificationInLieu);
        Off(2022, 5, 3, LabourInLieu);
        Off(2022, 9, 1, NationalAdjacent);
        Off(2022, 9, 2, National);

        // 2023 (Tết Quý Mão: mùng 1 = 22/01)
        Off(2023, 1, 1, NewYear);
        Off(2023, 1, 2, NewYearInLieu);
        Tet(new(2023, 1, 20), new(2023, 1, 26));
        Off(2023, 4, 29, HungKings);
        Off(2023, 4, 30, Reunification);
        Off(2023, 5, 1, Labour);
        Off(2023, 5, 2, HungKingsInLieu);
        Off(2023, 5, 3, ReunificationInLieu);
        Off(2023, 9, 1, NationalAdjacent);
        Off(2023, 9, 2, National);
        Off(2023, 9, 4, NationalInLieu);

        // 2024 (Tết Giáp Thìn: mùng 1 = 10/02)
        Off(2024, 1, 1, NewYear);
        Tet(new(2024, 2, 8), new(2024, 2, 14));
        Off(2024, 4, 18, HungKings);
        Off(2024, 4, 29, "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)");
        Off(2024, 4, 30, Reunification);
        Off(2024, 5, 1, Labour);
        Worked(2024, 5, 4, "Làm bù cho ngày 29/4/2024");
        Off(2024, 9, 2, National);
        Off(2024, 9, 3, NationalAdjacent);

        // 2025 (Tết Ất Tỵ: mùng 1 = 29/01)
        Off(2025, 1, 1, NewYear);
        Tet(new(2025, 1, 25), new(2025, 2, 2));
        Off(2025, 4, 7, HungKings);
        Worked(2025, 4, 26, "Làm bù cho ngày 02/5/2025");
        Off(2025, 4, 30, Reunification);
        Off(2025, 5, 1, Labour);
        Off(2025, 5, 2, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)");
        Off(2025, 9, 1, NationalAdjacent);
        Off(2025, 9, 2, National);

        // 2026 (Tết Bính Ngọ: mùng 1 = 17/02)
        Off(2026, 1, 1, NewYear);
        Tet(new(2026, 2, 14), new(2026, 2, 22));
        Off(2026, 4, 26, HungKings);
        Off(2026, 4, 27, HungKingsInLieu);
        Off(2026, 4, 30, Reunification);
        Off(2026, 5, 1, Labour);
        Off(2026, 9, 1, NationalAdjacent);
        Off(2026, 9, 2, National);

        // 2027 (Tết Đinh Mùi: mùng 1 = 06/02)
        Off(2027, 1, 1, NewYear);
        Tet(new(2027, 2, 4), new(2027, 2, 10));
        Off(2027, 4, 16, HungKings);
        Off(2027, 4, 30, Reunification);
        Off(2027, 5, 1, Labour);
        Off(2027, 5, 3, LabourInLieu);
        Off(2027, 9, 2, National);
        Off(2027, 9, 3, NationalAdjacent);
        return days;
    }
}
