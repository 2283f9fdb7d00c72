using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DirectiveHub.Notifications;

/// <summary>
/// Sends what is due in the outbox. On PostgreSQL rows are claimed with FOR UPDATE SKIP LOCKED, so instances never
/// send the same message twice; a failure keeps the message for a later attempt.
/// </summary>
public sealed class OutboxDrain(AppDbContext db, IMailSender sender, MailOptions options, TimeProvider clock, ILogger<OutboxDrain> logger, Printing.RecordCopies? recordCopies = null, INoticeLinks? links = null)
{
    public async Task<(int Sent, int Failed)> RunAsync(int batch, CancellationToken cancellationToken)
    {
        var (sent, failed) = await db.InTransactionAsync(token => SendDueAsync(batch, token), cancellationToken);
        Telemetry.DirectiveHubMetrics.OutboxSent.Add(sent);
        Telemetry.DirectiveHubMetrics.OutboxFailures.Add(failed);
        Telemetry.DirectiveHubMetrics.RecordOutboxBacklog(await db.OutboxMessages.LongCountAsync(m => m.SentAt == null, cancellationToken));
        return (sent, failed);
    }

    private async Task<(int Sent, int Failed)> SendDueAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = db.Provider == DatabaseProvider.Postgres
            ? await db.OutboxMessages.FromSql($"""
                SELECT * FROM "OutboxMessages" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT {batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.OutboxMessages.Where(m => m.SentAt == null && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(batch).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var message in due)
        {
            try
            {
                await sender.SendAsync(await ToMimeAsync(message, cancellationToken), cancellationToken);
                message.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Failed(exception.Message, clock.GetUtcNow().UtcDateTime);
                failed++;
                logger.LogWarning("Mail to {Recipient} failed (attempt {Attempts}): {Error}", Mask(message.To), message.Attempts, exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, failed);
    }

    private async Task<MimeMessage> ToMimeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@directivehub";
        var url = message.LinkTarget is { } target ? links?.AbsoluteUrl(target, message.LinkDirectiveId) : null;
        var text = url is null ? message.Body : $"{message.Body}\n\n{url}";
        var pdf = message.RecordCopyOf is { } directiveId && recordCopies is not null
            ? await recordCopies.ReadStoredAsync(directiveId, cancellationToken)
            : null;
        if (pdf is null)
        {
            mime.Body = new TextPart("plain") { Text = text };
            return mime;
        }

        var name = await db.RecordCopies.Where(c => c.DirectiveId == message.RecordCopyOf).Select(c => c.FileName).SingleAsync(cancellationToken);
        var builder = new BodyBuilder { TextBody = text };
        builder.Attachments.Add(name, pdf, new ContentType("application", "pdf"));
        mime.Body = builder.ToMessageBody();
        return mime;
    }

    // Addresses are personal data: logs get enough to tell messages apart, not the address itself.
    private static string Mask(string address) => address.Length <= 3 ? "***" : address[..2] + "***" + address[address.IndexOf('@', StringComparison.Ordinal)..];
}
