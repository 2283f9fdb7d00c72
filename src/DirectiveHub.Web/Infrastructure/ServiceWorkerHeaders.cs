using Microsoft.AspNetCore.StaticFiles;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The service worker and the manifest are fetched by the browser on its own schedule: they must never come from the
/// HTTP cache, or a phone keeps running an old worker for a day. A versioned address (?v=, from asp-append-version) is cached for a year.
/// </summary>
public static class ServiceWorkerHeaders
{
    public static void Apply(StaticFileResponseContext context)
    {
        var path = context.Context.Request.Path;
        if (context.Context.Request.Query.ContainsKey("v"))
        {
            // asp-append-version's address names the file's content: a phone on 3G need never ask for it again.
            context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return;
        }

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
