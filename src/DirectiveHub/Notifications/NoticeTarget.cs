namespace DirectiveHub.Notifications;

/// <summary>
/// What a notice leads to. The domain names the target; the web app (<c>INoticeLinks</c>) turns it into a page
/// address, so a page that moves does not leave stale links in stored notices.
/// </summary>
public enum NoticeTarget
{
    /// <summary>The receiving unit's page of the directive (its inbox entry).</summary>
    ReceivedDirective,

    /// <summary>The issuer's tracking page of the directive.</summary>
    TrackedDirective,

    /// <summary>The unit's list of overdue tasks.</summary>
    OverdueList,

    /// <summary>The unit's inbox.</summary>
    Inbox,

    /// <summary>The exception view of late work (đỏ, đỏ đặc biệt) for the leaders who must decide.</summary>
    Exceptions,
}
