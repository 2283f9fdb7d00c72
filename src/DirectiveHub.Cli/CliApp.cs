using DirectiveHub.Cli.Commands;

namespace DirectiveHub.Cli;

/// <summary>The command line, callable in-process by tests with their own settings and writers.</summary>
public sealed class CliApp(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, TextReader? input = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Microsoft.Extensions.Hosting.IHost BuildHost() => CliHost.Build(settings);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var command = args.Count > 0 ? args[0] : "help";
        var options = args.Skip(1).ToList();
        try
        {
            return command switch
            {
                "migrate" => await DatabaseCommands.MigrateAsync(this, options, cancellationToken),
                "seed" => await DatabaseCommands.SeedAsync(this, options, cancellationToken),
                "sweep" => await SweepCommand.RunAsync(this, options, cancellationToken),
                "admin" => await AdminCommand.RunAsync(this, options, input ?? Console.In, cancellationToken),
                "bench-sweep" => await BenchSweepCommand.RunAsync(this, options, cancellationToken),
                "generate" => await GenerateCommand.RunAsync(this, options, cancellationToken),
                "bench-http" => await BenchHttpCommand.RunAsync(this, options, cancellationToken),
                "parse" => await ParseCommand.RunAsync(this, options, input ?? Console.In, cancellationToken),
                "backfill-arrivals" => await BackfillArrivalsCommand.RunAsync(this, options, cancellationToken),
                "rebuild-summaries" => await RebuildSummariesCommand.RunAsync(this, options, cancellationToken),
                "help" or "--help" or "-h" => await HelpAsync(Output, 0),
                _ => await UnknownAsync(command),
            };
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            // An operator gets one line naming the problem (a database that cannot be reached, a bad setting), not a stack trace.
            await Error.WriteLineAsync($"{command} failed: {(exception.InnerException ?? exception).Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    // Say what was wrong before the list of what is right: the usage text alone left the operator guessing.
    private async Task<int> UnknownAsync(string command)
    {
        await Error.WriteLineAsync($"Unknown command '{command}'.");
        return await HelpAsync(Error, 2);
    }

    private static async Task<int> HelpAsync(TextWriter writer, int exitCode)
    {
        await writer.WriteLineAsync("""
            directivehub: DirectiveHub operator commands

              migrate        apply database migrations
              migrate --script [--output FILE]
                             print the idempotent SQL of every migration for a DBA to run (safe on any version)
              admin create --email E --organization-code C [--organization-name N --kind K] [--password-stdin]
                             create the first administrator of an empty database (and the root organization when
                             missing); refused when an administrator exists unless --additional is given
              seed --demo    migrate and add the demo province to an empty database
              sweep [--as-of yyyy-MM-dd] [--dry-run]
                             flag overdue task assignments now (or as of that Vietnam date) and notify
              bench-sweep [--task-assignments N] [--overdue M]
                             fill an empty PostgreSQL database and time one sweep and an idle one
              generate [--organizations N] [--directives M] [--shape post-reform|pre-reform] [--seed S] [--password P]
                             fill an empty PostgreSQL database with a realistic province (benchmarks)
              bench-http [--url U] [--duration S] [--concurrency N] [--no-cache] [--compression br|gzip|none]
                         [--only PAGES] [--stale-cookie]
                             drive a running app over generated data; print latency, throughput and load per page
              backfill-arrivals [--dry-run]
                             give arrival numbers to receipts that have none (recorded before arrival numbers),
                             per unit and year in order of arrival, after the numbers already given; safe to repeat
              rebuild-summaries
                             count the dashboards' summaries again from every directive (after a bulk load; the
                             app keeps them up to date with every write)
              parse FILE     read a directive's text (FILE, or - for standard input) and print it as JSON

            The database comes from Database__Provider (Sqlite or Postgres) and ConnectionStrings__DirectiveHub;
            with neither, the SQLite file directivehub.db in $DIRECTIVEHUB_DATA, else ~/.local/share/DirectiveHub
            (the web app's default too).
            """);
        return exitCode;
    }
}
