namespace DirectiveHub.Notifications;

public enum NotificationKind
{
    /// <summary>A directive was published to the unit.</summary>
    NewDirective,

    /// <summary>A unit reported on a task the organization issued.</summary>
    Report,

    /// <summary>A deadline is near.</summary>
    Reminder,

    /// <summary>A task became overdue.</summary>
    Overdue,

    /// <summary>The weekly list of overdue items in a leader's subtree.</summary>
    Digest,
}
