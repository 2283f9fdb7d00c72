using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace DirectiveHub.Notifications;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Mail settings: SMTP when <c>Mail:Smtp:Host</c> is set, otherwise .eml files in a pickup folder.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "DirectiveHub <no-reply@directivehub.local>";

    public string? PickupFolder { get; set; }

    /// <summary>The app's public address, put before the links in mail ("https://directivehub.example.vn").</summary>
    public string? BaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public static MailOptions Read(IConfiguration configuration) => configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();

    public string Pickup => string.IsNullOrWhiteSpace(PickupFolder) ? Path.Combine(Data.DataFolder.Default, "mail-pickup") : PickupFolder;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool StartTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }
}

public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 15000 };
        await client.ConnectAsync(options.Smtp.Host ?? "localhost", options.Smtp.Port, options.Smtp.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.User))
        {
            await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file: mail without a server, for development and small installations.</summary>
public sealed class PickupFolderMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Pickup);
        var path = Path.Combine(options.Pickup, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
