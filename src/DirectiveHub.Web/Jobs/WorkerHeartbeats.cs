using System.Collections.Concurrent;

namespace DirectiveHub.Web.Jobs;

/// <summary>When each background worker of this instance last finished a tick, for the readiness check.</summary>
public sealed class WorkerHeartbeats(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (TimeSpan Interval, DateTimeOffset? LastRun)> _workers = new(StringComparer.Ordinal);

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public void Register(string worker, TimeSpan interval) => _workers.TryAdd(worker, (interval, null));

    public void Beat(string worker, TimeSpan interval) => _workers[worker] = (interval, clock.GetUtcNow());

    /// <summary>Workers that have not finished a tick within twice their interval (counted from start-up until the first).</summary>
    public IReadOnlyList<string> Stalled()
    {
        var now = clock.GetUtcNow();
        return [.. _workers
            .Where(w => now - (w.Value.LastRun ?? StartedAt) > 2 * w.Value.Interval)
            .Select(w => $"{w.Key}: last run {(w.Value.LastRun is { } last ? last.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "never")}, interval {w.Value.Interval}")
            .Order(StringComparer.Ordinal)];
    }
}
