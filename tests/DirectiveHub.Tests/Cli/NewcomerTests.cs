using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DirectiveHub.Tests.Cli;

/// <summary>
/// The README followed on a fresh machine, with the built programs run as a newcomer runs them (own processes, no
/// settings but the data folder): the CLI and the web app share one SQLite file, a missing database gets one line,
/// the documented address is honoured, a busy port gets one line, and only existing demo accounts are printed.
/// </summary>
public sealed class NewcomerTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"dh-newcomer-{Guid.NewGuid():N}");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task The_CLI_and_the_web_app_share_one_database_and_say_in_one_line_what_is_wrong()
    {
        var database = Path.Combine(_data, "directivehub.db");

        // No database yet: one line, a non-zero exit, and no empty file left behind.
        var sweep = await RunAsync("directivehub.dll", ["sweep", "--dry-run"], TimeSpan.FromSeconds(60));
        Assert.Equal(1, sweep.ExitCode);
        Assert.Contains("directivehub migrate", sweep.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sweep.Error + sweep.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));

        // An invalid kind is refused; then the first administrator is created, and a second one is refused.
        var badKind = await RunAsync("directivehub.dll", ["admin", "create", "--email", "root@tinh.vn", "--organization-code", "TN", "--organization-name", "TỈNH ỦY THÁI NGUYÊN", "--kind", "99"], TimeSpan.FromSeconds(60));
        Assert.Equal(2, badKind.ExitCode);
        Assert.Contains("--kind must be one of", badKind.Error, StringComparison.Ordinal);
        var admin = await RunAsync("directivehub.dll", ["admin", "create", "--email", "root@tinh.vn", "--organization-code", "TN", "--organization-name", "TỈNH ỦY THÁI NGUYÊN"], TimeSpan.FromSeconds(120));
        Assert.True(admin.ExitCode == 0, admin.Error);
        Assert.True(File.Exists(database), "The CLI writes the shared data folder's database.");
        var second = await RunAsync("directivehub.dll", ["admin", "create", "--email", "other@tinh.vn", "--organization-code", "TN"], TimeSpan.FromSeconds(60));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("An administrator already exists", second.Error, StringComparison.Ordinal);

        var sweepAgain = await RunAsync("directivehub.dll", ["sweep", "--dry-run"], TimeSpan.FromSeconds(60));
        Assert.True(sweepAgain.ExitCode == 0, sweepAgain.Error);

        // The web app on the address in ASPNETCORE_URLS, over the same file: not empty, so no demo data and no demo accounts printed.
        var port = FreePort();
        using var web = Start("DirectiveHub.Web.dll", [], new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ready = await WaitForAsync(http, "/health/ready", TimeSpan.FromSeconds(120));
        Assert.True(ready, "The web app answers on the port named by ASPNETCORE_URLS.");
        var login = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        web.Process.Kill(entireProcessTree: true);
        await web.Process.WaitForExitAsync(Cancel);
        Assert.DoesNotContain("Demo account", web.Output.ToString(), StringComparison.Ordinal);

        // A busy port: one line, a non-zero exit.
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var busy = ((IPEndPoint)blocker.LocalEndpoint).Port;
        // Asked before the database is touched: a new data folder stays empty (no migration, no demo data, no sweep).
        var untouched = Directory.CreateTempSubdirectory("dh-busy-");
        var clash = await RunAsync("DirectiveHub.Web.dll", [], TimeSpan.FromSeconds(120), new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{busy}", ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DIRECTIVEHUB_DATA"] = untouched.FullName });
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("Cannot listen", clash.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", clash.Error + clash.Output, StringComparison.Ordinal);
        Assert.Empty(untouched.EnumerateFileSystemInfos());
        untouched.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitForAsync(HttpClient http, string path, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if ((await http.GetAsync(new Uri(path, UriKind.Relative), Cancel)).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, Cancel);
        }

        return false;
    }

    private sealed class Running(Process process, StringBuilder output, StringBuilder error) : IDisposable
    {
        public Process Process { get; } = process;

        public StringBuilder Output { get; } = output;

        public StringBuilder Error { get; } = error;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    private Running Start(string program, IReadOnlyList<string> args, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing but the data folder: the defaults a newcomer gets.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment[DirectiveHub.Data.DataFolder.Variable] = _data;
        start.Environment["Overdue__Enabled"] = "false";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Running(process, output, error);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IReadOnlyList<string> args, TimeSpan timeout, Dictionary<string, string>? environment = null)
    {
        using var running = Start(program, args, environment);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        limit.CancelAfter(timeout);
        await running.Process.WaitForExitAsync(limit.Token);
        running.Process.WaitForExit();
        return (running.Process.ExitCode, running.Output.ToString(), running.Error.ToString());
    }
}
