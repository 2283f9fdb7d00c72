using DirectiveHub.Data;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// Sends the status messages that are due through <see cref="OutgoingDrain"/>: each once, a failure keeps the
/// message and backs off. A message goes to the peer
/// that delivered the package (its URL), else to the outbound folder, else waits until one is configured.
/// </summary>
public sealed class StatusDrain(AppDbContext db, IExchangeSender sender, ExchangeOptions options, TimeProvider clock, ILogger<StatusDrain> logger)
{
    public Task<(int Sent, int Failed)> RunAsync(int batch, CancellationToken cancellationToken) =>
        OutgoingDrain.RunAsync<OutgoingStatus>(db, "OutgoingStatuses", batch, clock, SendAsync, (message, exception) =>
            logger.LogWarning("Status {Code} to {Peer} failed (attempt {Attempts}): {Error}", message.StatusCode, message.PeerCode ?? "(folder)", message.Attempts, exception.Message), cancellationToken);

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
