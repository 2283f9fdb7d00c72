using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>
/// The published web app run as its own process, the way the container runs it: from a folder the app cannot write,
/// with a fresh data folder owned by the container's app user (uid 1654) and, when the tests run as root, as that
/// user. The app is published once per test run from the build output (<c>dotnet publish --no-build</c>, a few seconds).
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    /// <summary>The app user of the .NET runtime images ($APP_UID), which the Dockerfile runs as.</summary>
    public const int AppUid = 1654;

    private static readonly SemaphoreSlim PublishLock = new(1, 1);
    private static string? _published;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedApp(Process process, Uri baseAddress, string dataPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataPath = dataPath;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The instance's data folder (attachments/, mail-pickup/), as /app/data in the container.</summary>
    public string DataPath { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static bool IsRoot => Environment.UserName == "root";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DirectiveHub.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("DirectiveHub.sln not found above the test output.");
        }
    }

    /// <summary>Starts an instance on <paramref name="connectionString"/> and waits until /health/ready answers 200.</summary>
    public static async Task<PublishedApp> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var folder = await PublishAsync(cancellationToken);
        var dataPath = Path.Combine(Path.GetTempPath(), "directivehub-data-" + Guid.NewGuid().ToString("N")[..12]);

        // What the Dockerfile does: the data folders exist before the first start and belong to the app user.
        Directory.CreateDirectory(Path.Combine(dataPath, "attachments"));
        Directory.CreateDirectory(Path.Combine(dataPath, "mail-pickup"));
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{AppUid}:{AppUid}", dataPath], cancellationToken);
        }

        var port = FreePort();
        var start = new ProcessStartInfo
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            start.FileName = "setpriv";
            foreach (var argument in new[] { $"--reuid={AppUid}", $"--regid={AppUid}", "--clear-groups", "dotnet", "DirectiveHub.Web.dll" })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add("DirectiveHub.Web.dll");
        }

        // The container's environment (Dockerfile and docker-compose.yml), on a local port.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = string.Empty,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
            ["HOME"] = "/nonexistent",
            ["Attachments__Path"] = Path.Combine(dataPath, "attachments"),
            ["Mail__PickupFolder"] = Path.Combine(dataPath, "mail-pickup"),
            ["Mail__BaseUrl"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__DirectiveHub"] = connectionString,
            ["Security__RequireHttps"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new PublishedApp(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), dataPath);
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The effective user id of the app's process (from /proc), to prove it does not run as root.</summary>
    public int EffectiveUid()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a program to its end (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException exception)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time.", exception);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        await PublishLock.WaitAsync(cancellationToken);
        try
        {
            if (_published is not null)
            {
                return _published;
            }

#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var output = Path.Combine(Path.GetTempPath(), "directivehub-published-" + Guid.NewGuid().ToString("N")[..12]);
            var (exitCode, log) = await RunAsync("dotnet", ["publish", "src/DirectiveHub.Web/DirectiveHub.Web.csproj", "--no-build", "-c", configuration, "-o", output, "--nologo", "-clp:ErrorsOnly"], cancellationToken);
            Assert.True(exitCode == 0, "dotnet publish failed:\n" + log);

            // The app's own files are root's and read-only to the app user, as in the image.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(output, recursive: true);
                }
                catch (IOException)
                {
                }
            };
            _published = output;
            return output;
        }
        finally
        {
            PublishLock.Release();
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/health/ready did not answer 200 within {timeout}:\n{Output}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
