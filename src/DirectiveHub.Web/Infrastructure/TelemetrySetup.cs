using System.Security.Cryptography;
using System.Text;
using DirectiveHub.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// OpenTelemetry: request, HttpClient, Npgsql and domain metrics (<see cref="DirectiveHubMetrics"/>) scraped by
/// Prometheus at <c>Metrics:Path</c> (/metrics); traces and metrics also go to an OTLP collector when
/// <c>OpenTelemetry:OtlpEndpoint</c> (or the standard OTEL_EXPORTER_OTLP_ENDPOINT) names one.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddDirectiveHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = OtlpEndpoint(configuration);
        var metricsPath = MetricsPath(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("DirectiveHub", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("Npgsql")
                    .AddMeter(DirectiveHubMetrics.MeterName)
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    && !context.Request.Path.StartsWithSegments(metricsPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(options => options.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>
    /// The scrape endpoint, answered only to a caller on this machine that did not come through a proxy, or to one
    /// sending <c>Authorization: Bearer {Metrics:Token}</c>; anyone else gets a bare 404.
    /// </summary>
    public static WebApplication UseDirectiveHubMetrics(this WebApplication app)
    {
        var path = MetricsPath(app.Configuration);
        var token = app.Configuration["Metrics:Token"];
        app.UseWhen(
            context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && !MayScrape(context, token),
            refused => refused.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));
        return app;
    }

    internal static bool MayScrape(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token) && context.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(token));
        }

        // A reverse proxy on this machine connects from loopback too: a forwarded request is never "local".
        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("X-Original-For");
        return !forwarded && context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address);
    }

    private static PathString MetricsPath(IConfiguration configuration) =>
        new(configuration["Metrics:Path"] is { Length: > 1 } path && path.StartsWith('/') ? path : "/metrics");

    private static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } value
            ? new Uri(value)
            : null;
}
