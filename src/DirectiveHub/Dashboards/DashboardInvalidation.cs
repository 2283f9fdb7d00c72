using System.Runtime.CompilerServices;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Dashboards;

/// <summary>
/// Drops the cached dashboards a saved write changes, whichever page, endpoint or job made it: a publish, an
/// acknowledgment, a report or an acceptance touches the issuer's and the receiving units' figures, and every
/// committee above them counts those units in its subtree. A change of the tree itself (a move, a merge, a
/// dissolution) reshapes every subtree, so it drops every dashboard. Writes that change no figure (notifications,
/// audit events, mail) drop nothing.
/// </summary>
public sealed class DashboardInvalidation(DashboardCache dashboards, ILogger<DashboardInvalidation> logger) : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public HashSet<Guid> Units { get; } = [];

        public HashSet<Guid> Directives { get; } = [];

        public HashSet<Guid> TaskAssignments { get; } = [];

        public bool Everything { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Synchronous saves come from tools and tests; the invalidation itself is asynchronous.
        InvalidateAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await InvalidateAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Organization or OrganizationRevision:
                    pending.Everything = true;
                    break;
                case Directive directive:
                    pending.Units.Add(directive.IssuerId);
                    break;
                case DirectiveRecipient { OrganizationId: { } recipient }:
                    pending.Units.Add(recipient);
                    break;
                case Assignment receipt:
                    pending.Units.Add(receipt.OrganizationId);
                    pending.Directives.Add(receipt.DirectiveId);
                    break;
                case TaskAssignment task:
                    pending.Units.Add(task.OrganizationId);
                    pending.Directives.Add(task.DirectiveId);
                    break;
                case ProgressReport report:
                    pending.TaskAssignments.Add(report.TaskAssignmentId);
                    break;
                default:
                    break;
            }
        }
    }

    private async ValueTask InvalidateAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (!pending.Everything && pending.Units.Count == 0 && pending.Directives.Count == 0 && pending.TaskAssignments.Count == 0)
        {
            return;
        }

        try
        {
            if (pending.Everything)
            {
                await dashboards.InvalidateAllAsync(cancellationToken);
                return;
            }

            // A receipt or a report changes its unit's and its issuer's figures; each unit counts in every committee above it.
            var reported = pending.TaskAssignments.ToList();
            if (reported.Count > 0)
            {
                foreach (var task in await db.TaskAssignments.AsNoTracking().Where(t => reported.Contains(t.Id)).Select(t => new { t.OrganizationId, t.DirectiveId }).ToListAsync(cancellationToken))
                {
                    pending.Units.Add(task.OrganizationId);
                    pending.Directives.Add(task.DirectiveId);
                }
            }

            var directives = pending.Directives.ToList();
            if (directives.Count > 0)
            {
                pending.Units.UnionWith(await db.Directives.AsNoTracking().Where(d => directives.Contains(d.Id)).Select(d => d.IssuerId).ToListAsync(cancellationToken));
            }

            var ids = pending.Units.ToList();
            var paths = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Path).ToListAsync(cancellationToken);
            var affected = paths
                .SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries))
                .Select(segment => Guid.TryParseExact(segment, "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .Concat(ids)
                .ToHashSet();
            await dashboards.InvalidateAsync(affected, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The write itself succeeded; stale figures are the lesser harm, so drop them all rather than fail it.
            logger.LogWarning(exception, "Could not find the dashboards a write changed; dropping them all");
            await dashboards.InvalidateAllAsync(CancellationToken.None);
        }
    }
}
