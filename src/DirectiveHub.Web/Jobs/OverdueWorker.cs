using DirectiveHub.Assignments;

namespace DirectiveHub.Web.Jobs;

/// <summary>
/// Sweeps for overdue task assignments at start-up and then every <c>Overdue:Interval</c> (default 5 minutes).
/// Each tick has its own scope and transaction; a failing tick is logged and the next one tries again.
/// </summary>
public sealed class OverdueWorker(IServiceScopeFactory scopes, OverdueOptions options, TimeProvider clock, WorkerHeartbeats heartbeats, ILogger<OverdueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        heartbeats.Register(nameof(OverdueWorker), options.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await FixReceiptDeadlinesAsync(scope.ServiceProvider, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<SweepRunner>().RunAsync(null, dryRun: false, stoppingToken);
                await PurgeStagedImportsAsync(scope.ServiceProvider, stoppingToken);
                heartbeats.Beat(nameof(OverdueWorker), options.Interval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the sweep's transaction rolled back and the next start finishes the job.
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Overdue sweep tick failed; the next tick will retry");
            }
        }
        while (await Ticks.NextAsync(timer, stoppingToken));
    }

    /// <summary>
    /// A step of its own before the sweep: units that never acknowledged get their deadlines counted from delivery.
    /// Its failure is logged and does not stop the sweep.
    /// </summary>
    private async Task FixReceiptDeadlinesAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        try
        {
            await services.GetRequiredService<ReceiptDeadlines>().FixUnacknowledgedAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Fixing deadlines counted from receipt failed; the next tick will retry");
            services.GetRequiredService<DirectiveHub.Data.AppDbContext>().ChangeTracker.Clear();
        }
    }

    /// <summary>Files uploaded for a check and never registered: removed after a day, a failure logged and retried next tick.</summary>
    private async Task PurgeStagedImportsAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        try
        {
            var removed = await services.GetRequiredService<DirectiveHub.Import.StagedImports>().PurgeAsync(stoppingToken);
            if (removed > 0)
            {
                logger.LogInformation("Removed {Count} staged import files older than a day", removed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Removing old staged import files failed; the next tick will retry");
        }
    }
}
