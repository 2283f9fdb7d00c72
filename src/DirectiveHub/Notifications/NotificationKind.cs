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

    /// <summary>The issuer urged the unit (đôn đốc).</summary>
    Urging,

    /// <summary>The issuer accepted or returned the unit's result.</summary>
    Review,

    /// <summary>An extension was requested (to the issuer) or decided (to the unit).</summary>
    Extension,

    /// <summary>The issuer cancelled the unit's task, or the unit refused it (to the issuer).</summary>
    Cancellation,
}
