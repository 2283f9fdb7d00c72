using System.Net;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DirectiveHub.Tests.Security;

public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task X_Forwarded_For_counts_only_from_a_configured_proxy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:KnownProxies"] = "10.0.0.5",
            ["Security:KnownNetworks:0"] = "172.16.0.0/12",
        }).Build();
        Assert.True(ProxySettings.Enabled(configuration));
        Assert.False(ProxySettings.Enabled(new ConfigurationBuilder().Build()));

        Assert.Equal(("203.0.113.7", "https"), await ClientAsync(configuration, "10.0.0.5", "203.0.113.7"));
        Assert.Equal(("203.0.113.8", "https"), await ClientAsync(configuration, "172.20.1.1", "203.0.113.8"));

        // Straight from the internet, the header is somebody's wish: ignored.
        Assert.Equal(("198.51.100.9", "http"), await ClientAsync(configuration, "198.51.100.9", "203.0.113.7"));

        // A client cannot slip its own address in front of the proxy's chain.
        Assert.Equal(("203.0.113.7", "https"), await ClientAsync(configuration, "10.0.0.5", "1.2.3.4, 203.0.113.7"));
    }

    private static async Task<(string Address, string Scheme)> ClientAsync(IConfiguration configuration, string peer, string forwardedFor)
    {
        var options = new ForwardedHeadersOptions();
        ProxySettings.Configure(options, configuration);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.Headers["X-Forwarded-Proto"] = forwardedFor.Contains(',', StringComparison.Ordinal) ? "https, https" : "https";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        await middleware.Invoke(context);
        return (context.Connection.RemoteIpAddress!.ToString(), context.Request.Scheme);
    }
}
