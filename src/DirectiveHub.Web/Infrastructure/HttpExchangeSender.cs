using System.Net.Http.Headers;
using DirectiveHub.Exchange;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>Posts exchange messages to another DirectiveHub (or a system speaking the same endpoints) over HTTP.</summary>
public sealed class HttpExchangeSender(IHttpClientFactory clients, ExchangeOptions options) : IExchangeSender
{
    public const string ClientName = "exchange";

    public async Task PostAsync(ExchangePeer peer, string path, byte[] xml, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        var baseUrl = peer.Url!.AbsoluteUri.EndsWith('/') ? peer.Url : new Uri(peer.Url.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path));
        request.Headers.Add(ExchangePeerAuthentication.PeerHeader, options.SystemCode);
        request.Headers.Add(ExchangePeerAuthentication.KeyHeader, peer.OutboundKey ?? string.Empty);
        request.Content = new ByteArrayContent(xml);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(EdXml.ContentType) { CharSet = "utf-8" };
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Peer {peer.Code} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
