using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// Sends the status messages that are due, like the mail outbox: on PostgreSQL rows are claimed FOR UPDATE SKIP
/// LOCKED so two instances never send one twice; a failure keeps the message and backs off. A message goes to the peer
/// that delivered the package (its URL), else to the outbound folder, else waits until one is configured.
/// </summary>
public sealed class StatusDrain(AppDbContext db, IExchangeSender sender, ExchangeOptions options, TimeProvider clock, ILogger<StatusDrain> logger)
{
    public Task<(int Sent, int Failed)> RunAsync(int batch, CancellationToken cancellationToken) =>
        db.InTransactionAsync(token => SendDueAsync(batch, token), cancellationToken);

    private async Task<(int Sent, int Failed)> SendDueAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = db.Provider == DatabaseProvider.Postgres
            ? await db.OutgoingStatuses.FromSql($"""
                SELECT * FROM "OutgoingStatuses" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt", "Id" LIMIT {batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.OutgoingStatuses.Where(m => m.SentAt == null && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(batch).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var message in due)
        {
            try
            {
                await SendAsync(message, cancellationToken);
                message.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                message.Failed(exception.Message, clock.GetUtcNow().UtcDateTime);
                failed++;
                logger.LogWarning("Status {Code} to {Peer} failed (attempt {Attempts}): {Error}", message.StatusCode, message.PeerCode ?? "(folder)", message.Attempts, exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, failed);
    }

    private async Task SendAsync(OutgoingStatus message, CancellationToken cancellationToken)
    {
        if (options.FindPeer(message.PeerCode) is { Url: not null } peer)
        {
            await sender.PostAsync(peer, "api/exchange/statuses", message.Body, cancellationToken);
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.OutboundFolder))
        {
            // Written whole under a temporary name, then renamed: a reader of the folder never sees half a message.
            Directory.CreateDirectory(options.OutboundFolder);
            var path = Path.Combine(options.OutboundFolder, $"status-{message.Id:N}.xml");
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, message.Body, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return;
        }

        throw new InvalidOperationException($"No route for status messages to peer '{message.PeerCode}' (Exchange:Peers Url or Exchange:OutboundFolder).");
    }
}
