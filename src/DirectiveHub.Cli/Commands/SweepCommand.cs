using System.Globalization;
using DirectiveHub.Assignments;
using DirectiveHub.Time;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary><c>directivehub sweep [--as-of yyyy-MM-dd] [--dry-run]</c>: one overdue sweep now, or as if it were that day in Vietnam.</summary>
public static class SweepCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        DateTime? asOf = null;
        var dryRun = false;
        for (var i = 0; i < options.Count; i++)
        {
            switch (options[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--as-of" when i + 1 < options.Count && DateOnly.TryParseExact(options[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                    // Midday in Vietnam on that date: "as if it were that day".
                    asOf = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), VietnamTime.Zone);
                    i++;
                    break;
                default:
                    // Name what was refused: a date that is not one ("2026-13-45"), a missing date, or an unknown option.
                    await app.Error.WriteLineAsync(options[i] == "--as-of"
                        ? $"--as-of needs a date as yyyy-MM-dd{(i + 1 < options.Count ? $"; '{options[i + 1]}' is not one" : string.Empty)}."
                        : $"Unknown option '{options[i]}'.");
                    await app.Error.WriteLineAsync("Usage: directivehub sweep [--as-of yyyy-MM-dd] [--dry-run]");
                    return 2;
            }
        }

        using var host = app.BuildHost();
        if (await DatabaseReadiness.ProblemAsync(host.Services, cancellationToken) is { } problem)
        {
            await app.Error.WriteLineAsync(problem);
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        if (!dryRun)
        {
            // The deadlines counted from receipt that are due to be fixed, before the sweep reads deadlines.
            var now = asOf ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<ReceiptDeadlines>().FixUnacknowledgedAsync(now, cancellationToken);
        }

        var result = await scope.ServiceProvider.GetRequiredService<SweepRunner>().RunAsync(asOf, dryRun, cancellationToken);
        if (dryRun)
        {
            await app.Output.WriteLineAsync($"Dry run: {result.Flagged} task assignments would be flagged overdue.");
            foreach (var id in result.DryRunIds.Take(50))
            {
                await app.Output.WriteLineAsync($"  {id}");
            }

            // Counted on the working calendar as of the day asked for: the alerts a real sweep of that day would send.
            await app.Output.WriteLineAsync($"Dry run: {result.DryRunAlerts.Count} alerts would be sent (level, task assignment, organization).");
            foreach (var alert in result.DryRunAlerts.Take(200))
            {
                await app.Output.WriteLineAsync($"  {alert}");
            }
        }
        else if (result.Skipped)
        {
            await app.Output.WriteLineAsync("Another instance is sweeping right now; nothing done.");
        }
        else
        {
            await app.Output.WriteLineAsync($"Flagged {result.Flagged} task assignments overdue; alerts written: {result.Reminders} yellow, {result.Notified} red, {result.SpecialRed} special red; {result.Mails} mails queued.");
        }

        return 0;
    }
}
