using DirectiveHub.Time;

namespace DirectiveHub.Calendar;

/// <summary>
/// A deadline counted from the recipient's receipt: "trong 10 ngày làm việc kể từ ngày nhận văn bản", or calendar
/// days ("trong 15 ngày kể từ ngày nhận văn bản"). Each receiving unit's own deadline follows from its receipt date.
/// </summary>
public sealed record ReceiptDeadline(int Days, bool WorkingDays)
{
    public const int MaxDays = 365;

    /// <exception cref="DomainException">The span is not between 1 and <see cref="MaxDays"/> days.</exception>
    public static ReceiptDeadline Create(int days, bool workingDays) =>
        days is >= 1 and <= MaxDays
            ? new ReceiptDeadline(days, workingDays)
            : throw new DomainException($"Số ngày phải từ 1 đến {MaxDays}.");

    /// <summary>The date by which the unit that received on <paramref name="receivedOn"/> must be done.</summary>
    public DateOnly DueFrom(DateOnly receivedOn, WorkingCalendar calendar) =>
        WorkingDays ? calendar.AddWorkingDays(receivedOn, Days) : receivedOn.AddDays(Days);

    /// <summary>As the document writes it.</summary>
    public string ToText() => WorkingDays
        ? $"trong {Days} ngày làm việc kể từ ngày nhận văn bản"
        : $"trong {Days} ngày kể từ ngày nhận văn bản";

    /// <summary>The receipt date of an instant: receipt is a Vietnam date like every deadline.</summary>
    public static DateOnly ReceiptDate(DateTime utc) => DateOnly.FromDateTime(VietnamTime.ToVietnam(utc));
}
