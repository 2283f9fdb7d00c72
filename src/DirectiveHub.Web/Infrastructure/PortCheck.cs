using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Whether the addresses the app is told to listen on are free, asked before anything touches the database: Kestrel
/// learns it only when it starts, after the migrations, the demo seeding and the first overdue sweep (which may send
/// alerts) have run against a database that a start that then fails should have left alone.
/// </summary>
public static class PortCheck
{
    /// <summary>The first configured address whose port another program holds, or null.</summary>
    public static string? FirstBusy(WebApplication app)
    {
        // Only a real listener has ports; the tests' in-memory server has none to check.
        if (app.Services.GetService<IServer>()?.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) != true)
        {
            return null;
        }

        // Kestrel reads its addresses from the "urls" setting (ASPNETCORE_URLS, --urls, UseUrls) only when it starts.
        var urls = (app.Configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.IsLoopback ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : IPAddress.Any;
            try
            {
                using var listener = new TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }

        return null;
    }
}
