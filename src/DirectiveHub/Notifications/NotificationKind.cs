namespace DirectiveHub.Notifications;

public enum NotificationKind
{
    /// <summary>A directive was published to the unit.</summary>
    NewDirective,

    /// <summary>A unit reported on a task the organization issued.</summary>
    Report,

    /// <summary>A deadline is near: the yellow alert of the ladder ("cảnh báo vàng").</summary>
    Reminder,

    /// <summary>A task became overdue: the red alert of the ladder ("cảnh báo đỏ").</summary>
    Overdue,

    /// <summary>The weekly list of overdue items in a leader's subtree.</summary>
    Digest,

    /// <summary>A task is so many working days late that the assigning level must decide ("đỏ đặc biệt").</summary>
    SpecialRed,

    /// <summary>The issuer urged the unit (đôn đốc).</summary>
    Urging,

    /// <summary>The issuer accepted or returned the unit's result.</summary>
    Review,

    /// <summary>An extension was requested (to the issuer) or decided (to the unit).</summary>
    Extension,

    /// <summary>The issuer cancelled the unit's task, or the unit refused it (to the issuer).</summary>
    Cancellation,

    /// <summary>A clerk or leader of the unit named the user to handle or follow a task (phân công xử lý).</summary>
    Handling,
}
