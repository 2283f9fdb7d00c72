using System.Diagnostics;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub rebuild-summaries</c>: counts the dashboards' summaries again from every directive
/// (<see cref="TaskFigures.RebuildAsync"/>), after a bulk load or to check them; the app keeps them up to date itself.
/// </summary>
public static class RebuildSummariesCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        if (options.Count > 0)
        {
            await app.Error.WriteLineAsync($"Unknown option '{options[0]}'.");
            await app.Error.WriteLineAsync("Usage: directivehub rebuild-summaries");
            return 2;
        }

        using var host = app.BuildHost();
        if (await DatabaseReadiness.ProblemAsync(host.Services, cancellationToken) is { } problem)
        {
            await app.Error.WriteLineAsync(problem);
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var watch = Stopwatch.StartNew();
        var directives = await TaskFigures.RebuildAsync(db, cancellationToken);
        await app.Output.WriteLineAsync($"Rebuilt the dashboard summaries of {directives} directives in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
