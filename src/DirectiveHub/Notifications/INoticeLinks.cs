namespace DirectiveHub.Notifications;

/// <summary>Turns a notice's target into the absolute address put in mail; implemented by the web app, which owns its pages.</summary>
public interface INoticeLinks
{
    /// <summary>Null when no public address is configured (<c>Mail:BaseUrl</c> unset): the mail then carries no link.</summary>
    string? AbsoluteUrl(NoticeTarget target, Guid? directiveId);
}
