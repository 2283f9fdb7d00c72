using DirectiveHub.Access;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;

namespace DirectiveHub.Dashboards;

/// <summary>
/// Dashboard figures kept for <c>Dashboard:CacheSeconds</c> (60 by default; 0 turns it off): a province's leaders
/// open the same overview many times a minute, and each computation aggregates thousands of rows. The figures depend
/// only on the unit and the filter, so one computation serves everyone allowed to see that unit; whether the caller
/// is allowed is checked on every request, before the cache. Concurrent misses compute once (HybridCache). The page
/// shows when the figures were computed.
/// </summary>
public sealed class DashboardCache(HybridCache cache, IConfiguration configuration, TimeProvider clock)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Dashboard:CacheSeconds", 60));

    public async Task<DashboardView?> GetAsync(AppDbContext db, Viewer viewer, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return await ComputeAsync(db, viewer, filter, today, cancellationToken);
        }

        if (!viewer.SeesSubtree || !await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == filter.OrganizationId, cancellationToken))
        {
            return null;
        }

        var key = string.Join(':', "dashboard", filter.OrganizationId, filter.From.DayNumber, filter.To.DayNumber, filter.Type, filter.IssuerId, filter.Weekly ? "week" : "month", today.DayNumber);
        return await cache.GetOrCreateAsync(
            key,
            async token => await ComputeAsync(db, viewer, filter, today, token),
            new HybridCacheEntryOptions { Expiration = _lifetime, LocalCacheExpiration = _lifetime },
            cancellationToken: cancellationToken);
    }

    private async Task<DashboardView?> ComputeAsync(AppDbContext db, Viewer viewer, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken) =>
        await DashboardQuery.LoadAsync(db, viewer, filter, today, cancellationToken) is { } view ? view with { ComputedAt = clock.GetUtcNow().UtcDateTime } : null;
}
