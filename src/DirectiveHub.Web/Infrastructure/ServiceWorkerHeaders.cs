using Microsoft.AspNetCore.StaticFiles;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The service worker and the manifest are fetched by the browser on its own schedule: they must never come from the
/// HTTP cache, or a phone keeps running an old worker for a day. Everything else under wwwroot is versioned by URL.
/// </summary>
public static class ServiceWorkerHeaders
{
    public static void Apply(StaticFileResponseContext context)
    {
        var path = context.Context.Request.Path;
        if (path.Equals("/sw.js", StringComparison.OrdinalIgnoreCase) || path.Equals("/manifest.webmanifest", StringComparison.OrdinalIgnoreCase))
        {
            var headers = context.Context.Response.Headers;
            headers.CacheControl = "no-cache";
            if (path.Equals("/sw.js", StringComparison.OrdinalIgnoreCase))
            {
                headers["Service-Worker-Allowed"] = "/";
            }
        }
    }
}
