using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace DirectiveHub.Notifications;

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
