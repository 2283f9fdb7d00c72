using DirectiveHub.Data;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Assignments;

/// <summary>Runs one sweep and records it (start, duration, counts, error) for the operators' page; shared by the worker and the CLI.</summary>
public sealed class SweepRunner(AppDbContext db, OverdueSweep sweep, TimeProvider clock, ILogger<SweepRunner> logger)
{
    public async Task<SweepResult> RunAsync(DateTime? asOfUtc, bool dryRun, CancellationToken cancellationToken)
    {
        var now = asOfUtc ?? clock.GetUtcNow().UtcDateTime;
        if (dryRun)
        {
            return await sweep.RunAsync(now, dryRun: true, cancellationToken);
        }

        var run = new SweepRun(Environment.MachineName, DateOnly.FromDateTime(Time.VietnamTime.ToVietnam(now)), clock.GetUtcNow().UtcDateTime);
        try
        {
            var started = clock.GetTimestamp();
            var result = await sweep.RunAsync(now, dryRun: false, cancellationToken);
            run.Finish(result, clock.GetUtcNow().UtcDateTime);
            if (!result.Skipped)
            {
                Telemetry.DirectiveHubMetrics.SweepDuration.Record(clock.GetElapsedTime(started).TotalSeconds);
                Telemetry.DirectiveHubMetrics.SweepFlagged.Add(result.Flagged);
            }

            logger.LogInformation("Overdue sweep: {Flagged} flagged, {Notified} notices, {Reminders} reminders, skipped {Skipped}", result.Flagged, result.Notified, result.Reminders, result.Skipped);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Overdue sweep failed");
            run.Fail(exception.Message, clock.GetUtcNow().UtcDateTime);
            throw;
        }
        finally
        {
            // Recorded on a clean slate: a failed sweep's changes were rolled back and must not ride along.
            db.ChangeTracker.Clear();
            db.SweepRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
