using DirectiveHub.Cli;

// directivehub: operator tasks against the database configured by Database:Provider and ConnectionStrings:DirectiveHub.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new CliApp(Console.Out, Console.Error).RunAsync(args, cancellation.Token);
