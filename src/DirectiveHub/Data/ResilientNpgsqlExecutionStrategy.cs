using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace DirectiveHub.Data;

/// <summary>
/// Npgsql's retrying strategy (a restarted server, a broken pooled connection after idling) that also tolerates a
/// transaction the caller opened outside <c>CreateExecutionStrategy().ExecuteAsync</c>: inside such a transaction a
/// failed command is not retried alone (it would run outside the lost transaction); the caller's own strategy, when
/// it wraps the transaction, retries the whole unit instead.
/// </summary>
public sealed class ResilientNpgsqlExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(4), errorCodesToAdd: null)
{
    private bool _insideCallersTransaction;

    protected override void OnFirstExecution()
    {
        _insideCallersTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        if (_insideCallersTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !_insideCallersTransaction && base.ShouldRetryOn(exception);
}
