namespace DirectiveHub.Calendar;

/// <summary>
/// One date of the working calendar that is not an ordinary weekday or weekend: a day off (holiday, Tết, a day off
/// the Government announced) or a make-up working Saturday. The date is the key: a date is one or the other.
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 128;

    private CalendarDay()
    {
        Name = null!;
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name, DateTime updatedAtUtc)
    {
        Date = date;
        Name = null!;
        Set(kind, name, updatedAtUtc);
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>"Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù cho ngày 02/5/2025"…</summary>
    public string Name { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <exception cref="DomainException">A make-up working day falls on a weekday, or the name is empty or too long.</exception>
    public void Set(CalendarDayKind kind, string name, DateTime updatedAtUtc)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            throw new DomainException($"Tên ngày cần có từ 1 đến {NameMaxLength} ký tự.");
        }

        // A weekday is a working day already: marking it "worked" would mean nothing and hide a typing mistake.
        if (kind == CalendarDayKind.WorkingDay && !WorkingCalendar.IsWeekend(Date))
        {
            throw new DomainException("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
        }

        Kind = kind;
        Name = name;
        UpdatedAt = updatedAtUtc;
    }
}
