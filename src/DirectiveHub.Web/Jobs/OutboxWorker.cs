using DirectiveHub.Notifications;

namespace DirectiveHub.Web.Jobs;

/// <summary>Drains the mail outbox every <c>Mail:Interval</c> (default 30 seconds); failed messages wait for their next attempt.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, MailOptions options, TimeProvider clock, WorkerHeartbeats heartbeats, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        heartbeats.Register(nameof(OutboxWorker), options.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDrain>().RunAsync(50, stoppingToken);
                heartbeats.Beat(nameof(OutboxWorker), options.Interval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox tick failed; the next tick will retry");
            }
        }
        while (await Ticks.NextAsync(timer, stoppingToken));
    }
}
