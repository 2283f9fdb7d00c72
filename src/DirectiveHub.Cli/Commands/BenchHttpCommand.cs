using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub bench-http [--url U] [--duration S] [--concurrency N] [--password P]</c>: a closed-loop HTTP load
/// driver for a running app over a database filled by <c>generate</c>. It signs in the generated accounts as a browser
/// does, then drives each page with N concurrent requests for S seconds and prints p50/p95/p99 latency and requests per
/// second, each beside the baseline page's throughput in the same run (docs/benchmarks.md). A benchmark, not a test.
/// </summary>
public static partial class BenchHttpCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var url = new Uri(CommandOptions.String(options, "--url") ?? "http://localhost:5080");
        var duration = TimeSpan.FromSeconds(CommandOptions.Int(options, "--duration", 20));
        var warmup = TimeSpan.FromSeconds(CommandOptions.Int(options, "--warmup", 3));
        var concurrency = CommandOptions.Int(options, "--concurrency", 8);
        var password = CommandOptions.String(options, "--password") ?? GenerateCommand.DefaultPassword;

        // The page to track: the district's latest directive with many recipients, found in the configured database.
        Guid tracked;
        using (var host = app.BuildHost())
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var district = await db.Users.Where(u => u.Email == "clerk@gen.local").Select(u => (Guid?)u.OrganizationId).SingleOrDefaultAsync(cancellationToken);
            if (district is null)
            {
                await app.Error.WriteLineAsync("No generated accounts in this database: run 'directivehub generate' first, with the same connection settings.");
                return 2;
            }

            tracked = await db.Directives
                .Where(d => d.IssuerId == district && d.Status == DirectiveStatus.Published && db.Assignments.Count(a => a.DirectiveId == d.Id) >= 30)
                .OrderByDescending(d => d.IssuedOn)
                .Select(d => d.Id)
                .FirstAsync(cancellationToken);
        }

        var scenarios = new (string Name, string Account, string Path)[]
        {
            ("baseline (fixed list, one query)", "leader@gen.local", "/Diagnostics/Baseline"),
            ("province dashboard, this month", "leader@gen.local", "/Dashboard"),
            ("province dashboard, this year", "leader@gen.local", "/Dashboard?preset=year"),
            ("commune inbox", "officer@gen.local", "/Inbox"),
            ("directive list, search (a subject)", "clerk@gen.local", "/Directives?q=chuyen%20doi%20so"),
            ("directive list, search (a word in half the texts)", "clerk@gen.local", "/Directives?q=tuyen%20truyen"),
            ("tracking page", "clerk@gen.local", $"/Tracking/{tracked}"),
            ("baseline again", "leader@gen.local", "/Diagnostics/Baseline"),
        };

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var account in scenarios.Select(s => s.Account).Distinct())
            {
                clients[account] = await SignInAsync(url, account, password, concurrency, cancellationToken);
            }

            await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{url} · {concurrency} concurrent requests · {duration.TotalSeconds:F0} s per page after {warmup.TotalSeconds:F0} s warm-up · {Environment.ProcessorCount} cores"));
            await app.Output.WriteLineAsync("| page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | req/s ÷ baseline |");
            await app.Output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");
            // Every page once under load first, so that no page is measured while the JIT or the caches still warm up.
            foreach (var (_, account, path) in scenarios)
            {
                await LoadAsync(clients[account], path, concurrency, warmup, cancellationToken);
            }

            var results = new List<(string Name, Result Result)>();
            foreach (var (name, account, path) in scenarios)
            {
                results.Add((name, await LoadAsync(clients[account], path, concurrency, duration, cancellationToken)));
            }

            var baseline = (results[0].Result.PerSecond + results[^1].Result.PerSecond) / 2;
            foreach (var (name, r) in results)
            {
                await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {r.Requests:N0} | {r.PerSecond:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.PerSecond / baseline * 100:F0}% |"));
            }

            return results.Any(r => r.Result.Errors > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private sealed record Result(int Requests, int Errors, double PerSecond, double P50, double P95, double P99);

    private static async Task<Result> LoadAsync(HttpClient client, string path, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var errors = 0;
        var latencies = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (deadline.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        return new Result(all.Count, errors, all.Count / elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    /// <summary>Signs in through the login form (antiforgery token and cookie) and keeps the session cookie.</summary>
    private static async Task<HttpClient> SignInAsync(Uri url, string email, string password, int concurrency, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page carries no antiforgery token.");
        }

        using var response = await client.PostAsync(
            new Uri("/Account/Login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }),
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} failed ({(int)response.StatusCode}).");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
