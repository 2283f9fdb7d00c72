using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>The statuses received for a directive, for the tracking view that already checked the viewer may see it.</summary>
public static class ExchangeTracking
{
    public static async Task<IReadOnlyList<ExchangeStatusRow>> StatusesAsync(AppDbContext db, Guid directiveId, CancellationToken cancellationToken) =>
        (await db.ReceivedStatuses.AsNoTracking()
            .Where(s => s.DirectiveId == directiveId)
            .OrderBy(s => s.ReceivedAt).ThenBy(s => s.StatusCode)
            .Take(1000)
            .Select(s => new { s.OrganizationId, s.StatusCode, s.Staff, s.OccurredAt, s.ReceivedAt })
            .ToListAsync(cancellationToken))
        .Select(s => new ExchangeStatusRow(s.OrganizationId, s.StatusCode, ExchangeStatusText.Of(s.StatusCode), s.Staff, s.OccurredAt, s.ReceivedAt))
        .ToList();

    /// <summary>Where the directive's packages to peers stand (sent, waiting, failing and why), for its issuer.</summary>
    public static async Task<IReadOnlyList<ExchangeDeliveryRow>> DeliveriesAsync(AppDbContext db, ExchangeOptions options, Guid directiveId, CancellationToken cancellationToken) =>
        (await db.OutgoingPackages.AsNoTracking()
            .Where(p => p.DirectiveId == directiveId)
            .OrderBy(p => p.PeerCode)
            .Take(100)
            .Select(p => new { p.PeerCode, p.Units, p.CreatedAt, p.SentAt, p.Attempts, p.NextAttemptAt, p.LastError })
            .ToListAsync(cancellationToken))
        .Select(p => new ExchangeDeliveryRow(p.PeerCode, options.FindPeer(p.PeerCode)?.Name ?? p.PeerCode, p.Units, p.CreatedAt, p.SentAt, p.Attempts, p.SentAt is null ? p.NextAttemptAt : null, p.LastError))
        .ToList();
}
