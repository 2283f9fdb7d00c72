using DirectiveHub.Time;

namespace DirectiveHub.Registers;

/// <summary>The Vietnam dates a register covers, both included: a calendar year or a range the clerk chooses.</summary>
public sealed record RegisterPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Five years at most: a register is printed per year; a longer range is a typing mistake.</summary>
    public const int MaxDays = (366 * 5) + 1;

    public static RegisterPeriod OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The first instant (UTC) of <see cref="From"/> in Vietnam.</summary>
    public DateTime FromUtc => VietnamTime.LateFromUtc(From.AddDays(-1));

    /// <summary>The first instant (UTC) after <see cref="To"/> in Vietnam.</summary>
    public DateTime ToUtcExclusive => VietnamTime.LateFromUtc(To);

    /// <summary>The year when the period is exactly one calendar year, for the register's title.</summary>
    public int? Year => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31) ? From.Year : null;

    /// <summary>
    /// Reads the period from a year or a range (the range wins when both dates are given; nothing given means this
    /// year). Returns the field at fault and a Vietnamese message when the input is out of bounds.
    /// </summary>
    public static RegisterPeriod? Parse(int? year, DateOnly? from, DateOnly? to, DateOnly today, out (string Field, string Message)? error)
    {
        error = null;
        if (from is not null || to is not null)
        {
            if (from is null || to is null)
            {
                error = (from is null ? "from" : "to", "Cần nhập cả ngày bắt đầu và ngày kết thúc.");
                return null;
            }

            if (from.Value.Year < 1990 || to.Value.Year > 9998)
            {
                error = ("from", "Ngày phải từ năm 1990 trở đi.");
                return null;
            }

            if (to < from)
            {
                error = ("to", "Ngày kết thúc phải sau ngày bắt đầu.");
                return null;
            }

            if (to.Value.DayNumber - from.Value.DayNumber > MaxDays)
            {
                error = ("to", "Khoảng thời gian tối đa 5 năm.");
                return null;
            }

            return new RegisterPeriod(from.Value, to.Value);
        }

        var chosen = year ?? today.Year;
        if (chosen is < 1990 or > 9998)
        {
            error = ("year", "Năm phải từ 1990 đến 9998.");
            return null;
        }

        return OfYear(chosen);
    }
}
