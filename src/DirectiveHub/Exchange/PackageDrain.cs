using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// Pushes the packages that publishing queued (<see cref="OutgoingPackage"/>) to their peers, like the mail outbox: on
/// PostgreSQL rows are claimed FOR UPDATE SKIP LOCKED so two instances never send one twice; a failure keeps the package
/// and backs off. A package whose directive can no longer travel (withdrawn, made confidential) is kept with the reason.
/// </summary>
public sealed class PackageDrain(AppDbContext db, PackageExport export, IExchangeSender sender, ExchangeOptions options, TimeProvider clock, ILogger<PackageDrain> logger)
{
    public const string Path = "api/exchange/packages";

    public Task<(int Sent, int Failed)> RunAsync(int batch, CancellationToken cancellationToken) =>
        db.InTransactionAsync(token => SendDueAsync(batch, token), cancellationToken);

    private async Task<(int Sent, int Failed)> SendDueAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = db.Provider == DatabaseProvider.Postgres
            ? await db.OutgoingPackages.FromSql($"""
                SELECT * FROM "OutgoingPackages" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt", "Id" LIMIT {batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.OutgoingPackages.Where(p => p.SentAt == null && p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).ThenBy(p => p.Id).Take(batch).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var outgoing in due)
        {
            try
            {
                var peer = options.FindPeer(outgoing.PeerCode) is { Url: not null } found
                    ? found
                    : throw new InvalidOperationException($"Peer '{outgoing.PeerCode}' has no address (Exchange:Peers Url).");
                var package = await export.BuildForPeerAsync(outgoing.DirectiveId, cancellationToken)
                    ?? throw new InvalidOperationException("The directive no longer exists.");
                await sender.PostAsync(peer, Path, EdXml.Write(package), cancellationToken);
                outgoing.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
                logger.LogInformation("Package of {DirectiveId} sent to {Peer}", outgoing.DirectiveId, outgoing.PeerCode);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException or DomainException && !cancellationToken.IsCancellationRequested)
            {
                outgoing.Failed(exception.Message, clock.GetUtcNow().UtcDateTime);
                failed++;
                logger.LogWarning("Package of {DirectiveId} to {Peer} failed (attempt {Attempts}): {Error}", outgoing.DirectiveId, outgoing.PeerCode, outgoing.Attempts, exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, failed);
    }
}
