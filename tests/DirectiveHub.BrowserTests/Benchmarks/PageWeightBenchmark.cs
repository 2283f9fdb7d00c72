using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Benchmarks;

/// <summary>
/// Prints the officer's pages' transfer sizes (cold and warm browser cache) and load times on a throttled 3G profile;
/// the figures go to docs/benchmarks.md. A benchmark, not a test: it runs only with DIRECTIVEHUB_BENCHMARKS=1.
/// Service worker blocked (see below). Bytes are Chromium's own count of what crossed the network (CDP Network.loadingFinished encodedDataLength).
/// </summary>
public sealed class PageWeightBenchmark(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Pages = ["/", "/Inbox", "INBOX_DIRECTIVE", "/Notifications"];

    [Fact]
    public async Task Officer_pages_transfer_sizes_and_3G_load_times()
    {
        if (Environment.GetEnvironmentVariable("DIRECTIVEHUB_BENCHMARKS") != "1")
        {
            Assert.Skip("A benchmark: set DIRECTIVEHUB_BENCHMARKS=1 to run it.");
        }

        app.Require();
        var lines = new List<string> { "| page | cold KB (requests) | warm KB (requests) | warm 3G load ms (3 runs) |", "|---|---|---|---|" };
        foreach (var path in Pages)
        {
            // Each page measured in a fresh context: cold is its first visit after sign-in, warm the next two.
            // The service worker is kept out: its own fetches are not in the page's count, and without it the figures
            // are an upper bound (it serves versioned files from its cache and fetches pages as the browser would).
            var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                Locale = "vi-VN",
                TimezoneId = "Asia/Ho_Chi_Minh",
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.SignInAsync(DemoAccounts.Officer);
            var target = path == "INBOX_DIRECTIVE" ? await DirectiveUrlAsync(page) : path;
            var cdp = await page.Context.NewCDPSessionAsync(page);
            long bytes = 0;
            var requests = 0;
            cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is { } json && json.TryGetProperty("encodedDataLength", out var length))
                {
                    Interlocked.Add(ref bytes, (long)length.GetDouble());
                    Interlocked.Increment(ref requests);
                }
            };
            await cdp.SendAsync("Network.enable");
            // Sign-in left the shared files in the cache: clear it so "cold" means a first visit.
            await cdp.SendAsync("Network.clearBrowserCache");

            await page.GotoAsync(target, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var cold = (Interlocked.Exchange(ref bytes, 0), Interlocked.Exchange(ref requests, 0));
            await page.GotoAsync(target, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var warm = (Interlocked.Exchange(ref bytes, 0), Interlocked.Exchange(ref requests, 0));

            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = 400,
                ["downloadThroughput"] = 400 * 1000 / 8,
                ["uploadThroughput"] = 400 * 1000 / 8,
            });
            var times = new List<long>();
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(target, new() { WaitUntil = WaitUntilState.Load });
                times.Add(watch.ElapsedMilliseconds);
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {(path == "INBOX_DIRECTIVE" ? "/Inbox/Directive/{114-CV/HU}" : path)} | {cold.Item1 / 1024.0:0.0} ({cold.Item2}) | {warm.Item1 / 1024.0:0.0} ({warm.Item2}) | {string.Join(", ", times)} |"));
            await page.Context.CloseAsync();
        }

        var report = string.Join('\n', lines);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        var output = Environment.GetEnvironmentVariable("DIRECTIVEHUB_BENCHMARK_OUT");
        if (!string.IsNullOrEmpty(output))
        {
            await File.WriteAllTextAsync(output, report, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> DirectiveUrlAsync(IPage page)
    {
        await page.GotoAsync("/Inbox");
        var href = await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException(JsonSerializer.Serialize(new { missing = "114-CV/HU" }));
    }
}
