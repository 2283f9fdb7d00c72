using DirectiveHub.Exchange;

namespace DirectiveHub.Web.Jobs;

/// <summary>
/// Every <c>Exchange:Interval</c> (default 30 seconds): rereads the peers administrators keep (another instance may
/// have changed them), takes what the folder drop holds, puts the status changes of
/// received directives in the outbox, pushes published directives to their peers and sends the statuses that are due. Each step in its own scope, so one failing does not stop
/// the others; the next tick retries.
/// </summary>
public sealed class ExchangeWorker(IServiceScopeFactory scopes, ExchangeOptions options, TimeProvider clock, WorkerHeartbeats heartbeats, ILogger<ExchangeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        heartbeats.Register(nameof(ExchangeWorker), options.Interval);
        do
        {
            await StepAsync("peers", async sp =>
            {
                await sp.GetRequiredService<ExchangePeerRegistry>().ReloadAsync(stoppingToken);
                return 0;
            }, stoppingToken);
            await StepAsync("folder", sp => sp.GetRequiredService<ExchangeFolder>().ProcessAsync(20, stoppingToken), stoppingToken);
            await StepAsync("emit", sp => sp.GetRequiredService<StatusEmitter>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("push", async sp => (await sp.GetRequiredService<PackageDrain>().RunAsync(10, stoppingToken)).Sent, stoppingToken);
            await StepAsync("send", async sp => (await sp.GetRequiredService<StatusDrain>().RunAsync(50, stoppingToken)).Sent, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            heartbeats.Beat(nameof(ExchangeWorker), options.Interval);
        }
        while (await Ticks.NextAsync(timer, stoppingToken));
    }

    private async Task StepAsync(string step, Func<IServiceProvider, Task<int>> run, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Exchange {Step} failed; the next tick will retry", step);
        }
    }
}
