using DirectiveHub.Data;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// Pushes the packages that publishing queued (<see cref="OutgoingPackage"/>) to their peers through
/// <see cref="OutgoingDrain"/>: each is sent once, a failure keeps the package and backs off. A package whose directive can no longer travel (withdrawn, made confidential) is kept with the reason.
/// </summary>
public sealed class PackageDrain(AppDbContext db, PackageExport export, IExchangeSender sender, ExchangeOptions options, TimeProvider clock, ILogger<PackageDrain> logger)
{
    public const string Path = "api/exchange/packages";

    public Task<(int Sent, int Failed)> RunAsync(int batch, CancellationToken cancellationToken) =>
        OutgoingDrain.RunAsync<OutgoingPackage>(db, "OutgoingPackages", batch, clock, SendAsync, (outgoing, exception) =>
            logger.LogWarning("Package of {DirectiveId} to {Peer} failed (attempt {Attempts}): {Error}", outgoing.DirectiveId, outgoing.PeerCode, outgoing.Attempts, exception.Message), cancellationToken);

    private async Task SendAsync(OutgoingPackage outgoing, CancellationToken cancellationToken)
    {
        var peer = options.FindPeer(outgoing.PeerCode) is { Url: not null } found
            ? found
            : throw new InvalidOperationException($"Peer '{outgoing.PeerCode}' has no address (Exchange:Peers Url).");
        var package = await export.BuildForPeerAsync(outgoing.DirectiveId, cancellationToken)
            ?? throw new InvalidOperationException("The directive no longer exists.");
        await sender.PostAsync(peer, Path, EdXml.Write(package), cancellationToken);
        logger.LogInformation("Package of {DirectiveId} sent to {Peer}", outgoing.DirectiveId, outgoing.PeerCode);
    }
}
