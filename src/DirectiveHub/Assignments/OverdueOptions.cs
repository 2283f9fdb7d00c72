using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

public sealed class OverdueOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reminders go this many days before a deadline (defaults 3 and 1).</summary>
    public int[] ReminderDays { get; set; } = [3, 1];
}
