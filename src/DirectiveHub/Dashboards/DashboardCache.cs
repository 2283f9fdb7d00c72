using System.Globalization;
using DirectiveHub.Access;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Dashboards;

/// <summary>
/// Dashboard figures kept for <c>Dashboard:CacheSeconds</c> (60 by default; 0 turns it off): a province's leaders
/// open the same overview many times a minute, and each computation aggregates thousands of rows. The figures depend
/// only on the unit and the filter, so one computation serves everyone allowed to see that unit; whether the caller
/// is allowed is checked on every request, before the cache. Concurrent misses compute once (HybridCache). Each entry
/// is tagged with its unit, and <see cref="DashboardInvalidation"/> drops the tags of the units a saved write changes,
/// so a page opened after a publish, an acknowledgment or a report shows it. The page shows when the figures were
/// computed.
/// </summary>
/// <remarks>
/// The shared computation runs in its own scope, on its own <see cref="AppDbContext"/> and connection, never on the
/// first caller's: when that caller disconnects, its context is disposed and its token cancelled, and the callers
/// waiting on the same entry must not fail with it. HybridCache cancels the computation only when every caller has
/// gone; a caller that leaves stops waiting for itself alone.
/// </remarks>
public sealed class DashboardCache(HybridCache cache, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock)
{
    private const string AllTag = "dashboard";

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Dashboard:CacheSeconds", 60));

    /// <summary>How long figures are kept (zero: computed on every request); the baseline page shows it to the load benchmark.</summary>
    public TimeSpan Lifetime => _lifetime;

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
            (Cache: this, Viewer: viewer, Filter: filter, Today: today),
            static async (state, token) => await state.Cache.ComputeInOwnScopeAsync(state.Viewer, state.Filter, state.Today, token),
            new HybridCacheEntryOptions { Expiration = _lifetime, LocalCacheExpiration = _lifetime },
            [AllTag, UnitTag(filter.OrganizationId)],
            cancellationToken);
    }

    /// <summary>Drops every cached dashboard of these units (a write changed their figures).</summary>
    public async Task InvalidateAsync(IEnumerable<Guid> organizationIds, CancellationToken cancellationToken)
    {
        if (_lifetime > TimeSpan.Zero)
        {
            await cache.RemoveByTagAsync(organizationIds.Select(UnitTag), cancellationToken);
        }
    }

    /// <summary>Drops every cached dashboard (the tree itself changed).</summary>
    public async Task InvalidateAllAsync(CancellationToken cancellationToken)
    {
        if (_lifetime > TimeSpan.Zero)
        {
            await cache.RemoveByTagAsync(AllTag, cancellationToken);
        }
    }

    private static string UnitTag(Guid organizationId) => "dashboard-unit:" + organizationId.ToString("N", CultureInfo.InvariantCulture);

    private async Task<DashboardView?> ComputeInOwnScopeAsync(Viewer viewer, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ComputeAsync(db, viewer, filter, today, cancellationToken);
    }

    private async Task<DashboardView?> ComputeAsync(AppDbContext db, Viewer viewer, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken) =>
        await DashboardQuery.LoadAsync(db, viewer, filter, today, cancellationToken) is { } view ? view with { ComputedAt = clock.GetUtcNow().UtcDateTime } : null;
}
