using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Data;

/// <summary>
/// A unit of work in one transaction, run under the provider's execution strategy. On PostgreSQL a transient failure
/// (a restarted server, a pooled connection broken while idle) runs the whole unit again from an empty change tracker,
/// because retrying one command of a transaction that the server has already lost would write half a change.
/// </summary>
public static class TransactionalUnits
{
    /// <param name="unit">Reads what it needs and writes; runs more than once on a transient failure, so it must
    /// start from the database each time and undo any side effect outside it in <paramref name="beforeRetry"/>.</param>
    /// <param name="beforeRetry">Undoes what a failed attempt left outside the database (a written file).</param>
    /// <param name="commitWhen">Whether the unit's result is kept; otherwise everything it wrote is rolled back (a
    /// refusal found halfway, as when Identity refuses a role after saving the user).</param>
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken, Action? beforeRetry = null, Func<T, bool>? commitWhen = null)
    {
        var first = true;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (!first)
            {
                beforeRetry?.Invoke();
            }

            first = false;
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await unit(token);
            if (commitWhen is null || commitWhen(result))
            {
                await transaction.CommitAsync(token);
            }
            else
            {
                await transaction.RollbackAsync(token);
                db.ChangeTracker.Clear();
            }

            return result;
        }, cancellationToken);
    }
}
