namespace DirectiveHub.Web.Jobs;

/// <summary>The wait between a worker's ticks.</summary>
internal static class Ticks
{
    /// <summary>
    /// False when the worker should stop. A host that fails to start (a busy port) disposes the timer without
    /// cancelling the stopping token; that cancellation is a stop, not a crash to log with its stack trace.
    /// </summary>
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
