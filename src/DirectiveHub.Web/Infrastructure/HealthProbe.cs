namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// <c>DirectiveHub.Web healthcheck</c>: asks the running app's <c>/health/ready</c> on the local port and exits 0 when
/// it answers 200. The container's HEALTHCHECK uses it because the runtime image has no curl.
/// </summary>
public static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Length > 0 && string.Equals(args[0], "healthcheck", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "8080" : ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
