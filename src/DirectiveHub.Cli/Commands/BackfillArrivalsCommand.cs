using DirectiveHub.Data;
using DirectiveHub.Numbering;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub backfill-arrivals [--dry-run]</c>: gives arrival numbers to the receipts that have none (recorded
/// before arrival numbers existed), per unit and year in order of arrival, after those already given. Safe to repeat.
/// </summary>
public static class BackfillArrivalsCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var dryRun = false;
        foreach (var option in options)
        {
            if (option != "--dry-run")
            {
                await app.Error.WriteLineAsync("Usage: directivehub backfill-arrivals [--dry-run]");
                return 2;
            }

            dryRun = true;
        }

        using var host = app.BuildHost();
        if (await DatabaseReadiness.ProblemAsync(host.Services, cancellationToken) is { } problem)
        {
            await app.Error.WriteLineAsync(problem);
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var result = await new ArrivalBackfill(scope.ServiceProvider.GetRequiredService<AppDbContext>()).RunAsync(dryRun, cancellationToken);
        await app.Output.WriteLineAsync(dryRun
            ? $"Dry run: {result.Receipts} receipts in {result.Units} units have no arrival number."
            : $"Numbered {result.Receipts} receipts in {result.Units} units.");
        return 0;
    }
}
