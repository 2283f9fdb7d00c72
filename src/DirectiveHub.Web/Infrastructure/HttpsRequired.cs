namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// With Security:RequireHttps on, a request that still arrives over plain HTTP (the redirect could not name an HTTPS
/// port, or a TLS-terminating proxy is not listed in Security:KnownProxies) gets a clear 400 instead of the 500 the
/// Secure-only cookies would cause. Health probes stay reachable over HTTP.
/// </summary>
public sealed class HttpsRequired(RequestDelegate next, ILogger<HttpsRequired> logger)
{
    public const string Message = "Hệ thống chỉ phục vụ qua HTTPS. Vui lòng mở địa chỉ bắt đầu bằng https://.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        logger.LogWarning("Plain HTTP request refused with Security:RequireHttps on; behind a TLS proxy, list it in Security:KnownProxies");
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(
            new { title = Message, status = 400 },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }
}
