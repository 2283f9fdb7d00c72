namespace DirectiveHub.Assignments;

/// <summary>Settings of the overdue sweep and its alert ladder (section "Overdue").</summary>
public sealed class OverdueOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The yellow alert goes this many working days before a deadline (default 3, the Cao Bằng specification). The
    /// special-red threshold is <see cref="ExceptionOptions.SpecialRedWorkingDays"/>, shared with the exception view.
    /// </summary>
    public int YellowWorkingDays { get; set; } = 3;

    /// <summary>
    /// An assignment that was already this many working days late when the ladder first saw it (the first sweep after
    /// an upgrade, or after the sweep was off for weeks) is not alerted task by task: each recipient gets one notice
    /// counting such items, which the exception view lists. 0 alerts every item on its own.
    /// </summary>
    public int CatchUpWorkingDays { get; set; } = 20;
}
