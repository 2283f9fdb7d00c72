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
/// <c>directivehub bench-http [--url U] [--duration S] [--concurrency N] [--password P] [--no-cache] [--compression br|gzip|none] [--only a,b] [--stale-cookie]</c>:
/// a closed-loop HTTP load driver for a running app over a database filled by <c>generate</c>. It signs in the
/// generated accounts as a browser does, then drives each page with N concurrent requests for S seconds and prints
/// p50/p95/p99 latency and requests per second, each beside the baseline page's throughput in the same run and the
/// machine's load average when the page's run ended (docs/benchmarks.md). <c>--no-cache</c> refuses to measure an
/// app whose dashboard cache is on (start it with <c>Dashboard__CacheSeconds=0</c>), so every dashboard request is
/// computed fresh. <c>--stale-cookie</c> adds a client that never stores a re-issued cookie (the cost of the
/// security-stamp check per request). A benchmark, not a test.
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
        var noCache = options.Contains("--no-cache");
        var staleCookie = options.Contains("--stale-cookie");
        var compression = CommandOptions.String(options, "--compression") ?? "none";
        var only = (CommandOptions.String(options, "--only") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (compression is not ("br" or "gzip" or "none"))
        {
            await app.Error.WriteLineAsync("--compression is br, gzip or none.");
            return 2;
        }

        // The page to track: the district's latest directive with many recipients, found in the configured database.
        Guid tracked;
        DateOnly today;
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
            today = Time.VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        var tenYears = string.Create(CultureInfo.InvariantCulture, $"/Dashboard?preset=custom&from={today.AddYears(-10).AddDays(1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        var scenarios = new (string Name, string Account, string Path)[]
        {
            ("baseline (fixed list, one query)", "leader@gen.local", "/Diagnostics/Baseline"),
            ("province dashboard, this month", "leader@gen.local", "/Dashboard"),
            ("province dashboard, this year", "leader@gen.local", "/Dashboard?preset=year"),
            ("province dashboard, ten years", "leader@gen.local", tenYears),
            ("commune inbox", "officer@gen.local", "/Inbox"),
            ("directive list, search (a subject)", "clerk@gen.local", "/Directives?q=chuyen%20doi%20so"),
            ("directive list, search (a word in half the texts)", "clerk@gen.local", "/Directives?q=tuyen%20truyen"),
            ("tracking page", "clerk@gen.local", $"/Tracking/{tracked}"),
            ("baseline again", "leader@gen.local", "/Diagnostics/Baseline"),
        };
        if (only.Length > 0)
        {
            // The baselines stay: every ratio is taken against them.
            scenarios = scenarios.Where((s, i) => i == 0 || i == scenarios.Length - 1 || only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToArray();
        }

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var account in scenarios.Select(s => s.Account).Distinct())
            {
                clients[account] = await SignInAsync(url, account, password, concurrency, compression, cancellationToken);
            }

            // What the app says about its dashboard cache (the baseline page carries Dashboard:CacheSeconds).
            var baselinePage = await clients[scenarios[0].Account].GetStringAsync(new Uri("/Diagnostics/Baseline", UriKind.Relative), cancellationToken);
            var cacheSeconds = CacheSeconds().Match(baselinePage) is { Success: true } m ? m.Groups[1].Value : "unknown";
            if (noCache && cacheSeconds != "0")
            {
                await app.Error.WriteLineAsync($"--no-cache: the app's dashboard cache is {cacheSeconds} s; start it with Dashboard__CacheSeconds=0.");
                return 2;
            }

            if (staleCookie)
            {
                // Signed in now, used after Identity's validation interval (one minute) without ever storing the
                // cookie the app re-issues: every request pays the security-stamp check.
                var cookies = new CookieContainer();
                using var stale = await SignInAsync(url, "leader@gen.local", password, concurrency, compression, cancellationToken, cookies);
                var cookie = cookies.GetCookieHeader(url);
                await app.Output.WriteLineAsync("Waiting 65 s for the stale cookie to pass the security-stamp interval…");
                await Task.Delay(TimeSpan.FromSeconds(65), cancellationToken);
                var frozen = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, AutomaticDecompression = Decompression(compression) }) { BaseAddress = url, Timeout = RequestTimeout };
                frozen.DefaultRequestHeaders.Add("Cookie", cookie);
                clients["stale"] = frozen;
                var list = scenarios.ToList();
                list.Insert(list.Count - 1, ("baseline, a client that never stores the re-issued cookie", "stale", "/Diagnostics/Baseline"));
                scenarios = list.ToArray();
            }

            await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{url} · {concurrency} concurrent requests · {duration.TotalSeconds:F0} s per page after {warmup.TotalSeconds:F0} s warm-up · {Environment.ProcessorCount} cores · dashboard cache {cacheSeconds} s · compression {compression}"));
            // Every page once under load first, so that no page is measured while the JIT or the caches still warm up.
            foreach (var (_, account, path) in scenarios)
            {
                await LoadAsync(clients[account], path, concurrency, warmup, cancellationToken);
            }

            var results = new List<(string Name, Result Result, string Load)>();
            foreach (var (name, account, path) in scenarios)
            {
                var result = await LoadAsync(clients[account], path, concurrency, duration, cancellationToken);
                results.Add((name, result, await LoadAverageAsync(cancellationToken)));
            }

            await app.Output.WriteLineAsync("| page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | req/s ÷ baseline | load average (1, 5 min) |");
            await app.Output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            var baseline = (results[0].Result.PerSecond + results[^1].Result.PerSecond) / 2;
            foreach (var (name, r, load) in results)
            {
                await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {r.Requests:N0} | {r.PerSecond:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.PerSecond / baseline * 100:F0}% | {load} |"));
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

    /// <summary>The machine's 1- and 5-minute load averages (Linux), the context every figure needs on a shared box.</summary>
    private static async Task<string> LoadAverageAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return "n/a";
        }

        var fields = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ');
        return fields.Length >= 2 ? fields[0] + ", " + fields[1] : "n/a";
    }

    /// <summary>The handler sends Accept-Encoding for what it can decompress, as a browser does (br, gzip), or nothing.</summary>
    private static DecompressionMethods Decompression(string compression) => compression switch
    {
        "br" => DecompressionMethods.Brotli | DecompressionMethods.GZip,
        "gzip" => DecompressionMethods.GZip,
        _ => DecompressionMethods.None,
    };

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);

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
                try
                {
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The client's timeout: an error of the page, not the end of the run.
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        return new Result(all.Count, errors, all.Count / elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    /// <summary>Signs in through the login form (antiforgery token and cookie) and keeps the session cookie.</summary>
    private static async Task<HttpClient> SignInAsync(Uri url, string email, string password, int concurrency, string compression, CancellationToken cancellationToken, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = Decompression(compression) };
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = RequestTimeout };
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

    [GeneratedRegex("data-dashboard-cache-seconds=\"([0-9]+)\"")]
    private static partial Regex CacheSeconds();
}
