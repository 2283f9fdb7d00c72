using System.Data.Common;
using System.Net.Sockets;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.BrowserTests.Hardening;

/// <summary>
/// The browser app over a database that can be switched off: while <see cref="Down"/>, every command fails as a
/// refused connection does, which is what the app meets when PostgreSQL is away (the integration fault test stops a
/// real cluster; here the browser's side of it is what is tested).
/// </summary>
public sealed class OutageBrowserApp : BrowserApp
{
    private readonly Outage _outage = new();

    public bool Down
    {
        get => _outage.Down;
        set => _outage.Down = value;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(_outage));

    private sealed class Outage : DbCommandInterceptor
    {
        private volatile bool _down;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Trip();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Trip();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Trip();
            return ValueTask.FromResult(result);
        }

        private void Trip()
        {
            if (_down)
            {
                throw new SocketException((int)SocketError.ConnectionRefused);
            }
        }
    }
}
