namespace DirectiveHub.Exchange;

/// <summary>
/// Posts an edXML message to a peer's endpoint (<c>{peer.Url}/{path}</c>) with this instance's code and the peer's
/// outbound key. The web app implements it over HTTP; the real national or Party axis would be another implementation
/// (docs/exchange.md).
/// </summary>
public interface IExchangeSender
{
    /// <exception cref="HttpRequestException">The peer did not accept the message; the caller retries later.</exception>
    Task PostAsync(ExchangePeer peer, string path, byte[] xml, CancellationToken cancellationToken);
}
