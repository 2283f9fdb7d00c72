using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace DirectiveHub.Notifications;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
