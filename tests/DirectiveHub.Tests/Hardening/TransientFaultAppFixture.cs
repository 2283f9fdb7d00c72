using System.Data.Common;
using DirectiveHub.Data;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DirectiveHub.Tests.Hardening;

/// <summary>
/// The app on PostgreSQL with a fault that can be armed: the next command containing a fragment of SQL fails as a
/// dropped connection does (a transient <see cref="NpgsqlException"/>), once.
/// </summary>
public sealed class TransientFaultAppFixture : PostgresAppFixture
{
    private readonly FailOnce _fault = new();

    public int Failures => _fault.Failures;

    public void FailNext(string sqlFragment) => _fault.Arm(sqlFragment);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(_fault));

    private sealed class FailOnce : DbCommandInterceptor
    {
        private string? _fragment;
        private int _failures;

        public int Failures => _failures;

        public void Arm(string fragment) => Volatile.Write(ref _fragment, fragment);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return ValueTask.FromResult(result);
        }

        private void Trip(DbCommand command)
        {
            var fragment = Volatile.Read(ref _fragment);
            if (fragment is not null && command.CommandText.Contains(fragment, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _fragment, null, fragment) == fragment)
            {
                Interlocked.Increment(ref _failures);
                throw new NpgsqlException("simulated: connection reset by peer", new IOException("connection reset by peer"));
            }
        }
    }
}
