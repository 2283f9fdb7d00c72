using DirectiveHub.Web.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Degraded (still 200, so the balancer keeps the instance) when a worker has not finished a tick for twice its
/// interval: a stalled sweep or outbox shows on /health/ready and in the monitoring that polls it.
/// </summary>
public sealed class WorkersHealthCheck(WorkerHeartbeats heartbeats) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stalled = heartbeats.Stalled();
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Worker stalled: " + string.Join("; ", stalled)));
    }
}
