using DirectiveHub.Notifications;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The pages that notices lead to. The domain stores only a <see cref="NoticeTarget"/> and a directive id, so the
/// addresses follow the pages' routes here, in one place, for the bell, the notifications page and mail.
/// </summary>
public sealed class NoticeLinks(LinkGenerator links, MailOptions mail) : INoticeLinks
{
    /// <summary>The path inside the app; the unit's inbox when the target has no page (a directive id missing).</summary>
    public string PathOf(NoticeTarget target, Guid? directiveId) => target switch
    {
        NoticeTarget.ReceivedDirective when directiveId is { } id => links.GetPathByPage("/Inbox/Directive", values: new { id }),
        NoticeTarget.TrackedDirective when directiveId is { } id => links.GetPathByPage("/Tracking/Index", values: new { id }),
        NoticeTarget.OverdueList => links.GetPathByPage("/Inbox/Index", values: new { overdue = true }),
        NoticeTarget.Exceptions => links.GetPathByPage("/Dashboard/Exceptions"),
        _ => null,
    } ?? "/Inbox";

    public string? AbsoluteUrl(NoticeTarget target, Guid? directiveId) =>
        string.IsNullOrWhiteSpace(mail.BaseUrl) ? null : mail.BaseUrl.TrimEnd('/') + PathOf(target, directiveId);
}
