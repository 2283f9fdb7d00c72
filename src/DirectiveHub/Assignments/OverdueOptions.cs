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
}
