using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating reverse proxy: X-Forwarded-For and X-Forwarded-Proto are honoured only from the
/// addresses in Security:KnownProxies and the networks in Security:KnownNetworks (CIDR). With neither set the
/// headers are ignored, so a client that reaches the app directly cannot pick its own address (and dodge the
/// per-address sign-in limit) or claim HTTPS. See docs/reverse-proxy.md.
/// </summary>
public static class ProxySettings
{
    public static bool Enabled(IConfiguration configuration) =>
        Proxies(configuration).Length > 0 || Networks(configuration).Length > 0;

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies(configuration))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in Networks(configuration))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        // Every hop must be a known proxy; the first unknown address from the right is the client.
        options.ForwardLimit = null;
    }

    private static string[] Proxies(IConfiguration configuration) => List(configuration, "Security:KnownProxies");

    private static string[] Networks(IConfiguration configuration) => List(configuration, "Security:KnownNetworks");

    /// <summary>A list in appsettings (an array) or one environment variable ("10.0.0.1;10.0.0.2").</summary>
    private static string[] List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).ToList();
        items.Add(section.Value);
        return items
            .SelectMany(v => (v ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
    }
}
