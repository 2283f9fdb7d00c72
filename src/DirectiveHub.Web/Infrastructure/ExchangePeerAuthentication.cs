using System.Security.Claims;
using System.Text.Encodings.Web;
using DirectiveHub.Exchange;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Peers of the exchange sign their requests with their own key: <c>X-Exchange-Peer</c> names the peer (its system
/// code), <c>X-Exchange-Key</c> carries the key, compared in constant time with the configured one. The key is never
/// logged (the request log carries no headers; the refusal below names the peer only); a wrong key is 401 like an unknown peer, so the answer tells nothing of which was wrong.
/// </summary>
public sealed class ExchangePeerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory loggers, UrlEncoder encoder, ExchangeOptions exchange)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "ExchangePeer";
    public const string PeerHeader = "X-Exchange-Peer";
    public const string KeyHeader = "X-Exchange-Key";
    public const string PeerClaim = "dh:peer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(PeerHeader, out var code) || code.Count != 1)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var peer = exchange.FindPeer(code.ToString());
        var key = Request.Headers[KeyHeader].ToString();
        if (peer is null || !ExchangeOptions.KeyMatches(peer, key))
        {
            Logger.LogWarning("Exchange peer authentication refused for {Peer}", code.ToString().Length > 64 ? code.ToString()[..64] : code.ToString());
            return Task.FromResult(AuthenticateResult.Fail("Unknown exchange peer or wrong key."));
        }

        var identity = new ClaimsIdentity([new Claim(PeerClaim, peer.Code), new Claim(ClaimTypes.Name, "peer:" + peer.Code)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
