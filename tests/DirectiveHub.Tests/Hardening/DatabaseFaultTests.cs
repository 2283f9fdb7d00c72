using System.Diagnostics;
using System.Net;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Hardening;

/// <summary>A PostgreSQL cluster of this class's own (like scripts/test.sh starts), so stopping it disturbs no other test.</summary>
public sealed class OwnPostgresFixture : IAsyncLifetime
{
    private string? _bin;
    private string? _folder;
    private int _port;

    public DirectiveHubFactory? Factory { get; private set; }

    public bool Available => Factory is not null;

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() : null;
        if (_bin is null || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable)))
        {
            return;
        }

        _folder = Directory.CreateTempSubdirectory("directivehub-fault-pg.").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        }
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", _folder);
        }

        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await AsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        await StartAsync();
        Factory = new DirectiveHubFactory(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={_port};Username=postgres;Password=unused;Database=dh_fault");
        _ = Factory.Server;
    }

    private string Data => Path.Combine(_folder!, "data");

    public Task StartAsync() => AsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder!, "server.log"), "-w", "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public Task StopAsync() => AsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_folder is not null)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Task AsPostgresAsync(string file, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : RunAsync(file, arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {error}");
        }
    }
}

public sealed class DatabaseFaultTests(OwnPostgresFixture pg) : IClassFixture<OwnPostgresFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_PostgreSQL_is_down_the_API_says_503_and_pages_keep_the_input_then_everything_recovers()
    {
        TestEnvironment.RequirePostgres();
        Assert.True(pg.Available, "PostgreSQL binaries are needed for the fault test");
        var factory = pg.Factory!;
        var api = await factory.ApiClientAsync(DemoAccounts.Clerk);
        var browser = factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Clerk);
        var form = await browser.GetDocumentAsync("/Directives/Edit");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel)).StatusCode);

        await pg.StopAsync();
        try
        {
            var down = await api.GetAsync(new Uri("/api/directives", UriKind.Relative), Cancel);
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, await down.Content.ReadAsStringAsync(Cancel));
            Assert.True(down.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);

            var post = await browser.PostAsync(new Uri("/Directives/Edit", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Subject"] = "Văn bản gõ lúc mất kết nối",
            }), Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            var page = await PageClient.ParseAsync(post);
            Assert.Contains("tạm thời gián đoạn", page.Body!.TextContent, StringComparison.Ordinal);

            // The typed text is kept by the browser (form-keep.js saves it on submit; this page's button restores it).
            Assert.NotNull(page.QuerySelector("[data-restore-back]"));
            Assert.NotNull(page.QuerySelector("script[src^='/js/form-keep.js']"));
        }
        finally
        {
            await pg.StartAsync();
        }

        // An instance whose pooled connections all died: the retrying strategy takes the next request through.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/directives", UriKind.Relative), Cancel)).StatusCode);

        // A restart in the middle of a burst: every request ends in success or a clean 503, and then all succeed.
        var restart = Task.Run(async () =>
        {
            await Task.Delay(100, Cancel);
            await pg.StopAsync();
            await Task.Delay(500, Cancel);
            await pg.StartAsync();
        }, Cancel);
        var burst = new List<HttpStatusCode>();
        var until = DateTime.UtcNow.AddSeconds(4);
        while (DateTime.UtcNow < until || !restart.IsCompleted)
        {
            burst.Add((await api.GetAsync(new Uri("/api/inbox", UriKind.Relative), Cancel)).StatusCode);
        }

        await restart;
        Assert.All(burst, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, status.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/inbox", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/Directives/Edit", UriKind.Relative), Cancel)).StatusCode);
    }
}
