using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>
/// The loop the exchange outboxes share, like the mail outbox's: in one transaction the due rows are claimed (FOR
/// UPDATE SKIP LOCKED on PostgreSQL, so two instances never send one row twice), each is sent, and each is marked
/// sent, or failed and kept for a later attempt. Only delivery failures are caught; anything else rolls the batch back.
/// </summary>
public static class OutgoingDrain
{
    public static Task<(int Sent, int Failed)> RunAsync<T>(
        AppDbContext db, string table, int batch, TimeProvider clock, Func<T, CancellationToken, Task> send, Action<T, Exception> failed, CancellationToken cancellationToken)
        where T : class, IOutgoing =>
        db.InTransactionAsync(token => SendDueAsync(db, table, batch, clock, send, failed, token), cancellationToken);

    private static async Task<(int Sent, int Failed)> SendDueAsync<T>(
        AppDbContext db, string table, int batch, TimeProvider clock, Func<T, CancellationToken, Task> send, Action<T, Exception> failed, CancellationToken cancellationToken)
        where T : class, IOutgoing
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<T>();
        var due = db.Provider == DatabaseProvider.Postgres
#pragma warning disable EF1002 // The table name is one of two constants of this assembly; the values are parameters.
            ? await rows.FromSqlRaw($$"""
                SELECT * FROM "{{table}}" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {0}
                ORDER BY "NextAttemptAt", "Id" LIMIT {1} FOR UPDATE SKIP LOCKED
                """, now, batch).ToListAsync(cancellationToken)
#pragma warning restore EF1002
            : await rows.Where(r => r.SentAt == null && r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(batch).ToListAsync(cancellationToken);
        int sent = 0, failures = 0;
        foreach (var row in due)
        {
            try
            {
                await send(row, cancellationToken);
                row.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException or DomainException && !cancellationToken.IsCancellationRequested)
            {
                row.Failed(exception.Message, clock.GetUtcNow().UtcDateTime);
                failures++;
                failed(row, exception);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, failures);
    }
}
