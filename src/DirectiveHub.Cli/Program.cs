using DirectiveHub.Cli.Commands;

// directivehub: operator tasks against the database configured by Database:Provider and ConnectionStrings:DirectiveHub.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var command = args.Length > 0 ? args[0] : "help";
var options = args.Skip(1).ToList();
try
{
    return command switch
    {
        "migrate" => await DatabaseCommands.MigrateAsync(cancellation.Token),
        "seed" => await DatabaseCommands.SeedAsync(options, cancellation.Token),
        "help" or "--help" or "-h" => await HelpAsync(0),
        _ => await HelpAsync(2),
    };
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}

static async Task<int> HelpAsync(int exitCode)
{
    var writer = exitCode == 0 ? Console.Out : Console.Error;
    await writer.WriteLineAsync("""
        directivehub: DirectiveHub operator commands

          migrate        apply database migrations
          seed --demo    migrate and add the demo province to an empty database

        The database comes from Database__Provider (Sqlite or Postgres) and ConnectionStrings__DirectiveHub;
        with neither, a SQLite file data/directivehub.db beside this program.
        """);
    return exitCode;
}
