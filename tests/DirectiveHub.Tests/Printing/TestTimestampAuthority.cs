using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Printing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectiveHub.Tests.Printing;

/// <summary>
/// A real RFC 3161 timestamp authority on a loopback port (Kestrel): it decodes the <c>application/timestamp-query</c>,
/// writes a TSTInfo over the request's message imprint with its nonce, signs it as CMS SignedData (id-ct-TSTInfo, ESS
/// signing-certificate-v2, a certificate with the critical timeStamping usage issued by the test CA) and answers a
/// TimeStampResp. <see cref="Answer"/> turns it into the ways a TSA fails, so the signer's refusals are tested against
/// bytes on the wire rather than a stub.
/// </summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    /// <summary>id-kp-timeStamping: RFC 3161 section 2.3 requires it, alone and critical, on the TSA's certificate.</summary>
    public const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";

    /// <summary>A policy under the ITU-T example arc (2.999): no registry holds it, and no real TSA uses it.</summary>
    public const string Policy = "2.999.3161.1";

    private const string TstInfoContentType = "1.2.840.113549.1.9.16.1.4";
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    private readonly Func<DateTimeOffset> _now;
    private WebApplication? _server;
    private long _serial;
    private int _requests;

    private TestTimestampAuthority(X509Certificate2 certificate, Func<DateTimeOffset> now)
    {
        Certificate = certificate;
        _now = now;
    }

    public enum Reply
    {
        /// <summary>A token over the request, as a TSA should answer.</summary>
        Granted,

        /// <summary>HTTP 500 with no body: the TSA's service is broken.</summary>
        ServerError,

        /// <summary>HTTP 200 with a TimeStampResp whose status is rejection (badRequest), as RFC 3161 says a refusal travels.</summary>
        Rejected,

        /// <summary>A valid token whose nonce is not the request's: a replayed or misrouted reply.</summary>
        WrongNonce,

        /// <summary>A valid token over another hash: a reply for some other signature.</summary>
        WrongImprint,

        /// <summary>Accepts the request and answers nothing until the client gives up.</summary>
        Stalled,
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The TSA's signing certificate (with its key), issued by the CA given to <see cref="StartAsync"/>.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>What the next requests get; <see cref="Reply.Granted"/> until a test says otherwise.</summary>
    public Reply Answer { get; set; } = Reply.Granted;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>What a signer is configured with to use this TSA.</summary>
    public TimestampAuthority ForSigner(TimeSpan? timeout = null) => new(Url, timeout ?? TimestampAuthority.DefaultTimeout);

    /// <summary>The last request the TSA decoded, to compare a token with what was asked.</summary>
    public Rfc3161TimestampRequest? LastRequest { get; private set; }

    /// <summary>The genTime of the last token issued.</summary>
    public DateTimeOffset? LastGenTime { get; private set; }

    /// <summary>Starts a TSA whose certificate <paramref name="issuer"/> issues; genTime comes from <paramref name="now"/> (the system clock by default).</summary>
    public static async Task<TestTimestampAuthority> StartAsync(X509Certificate2 issuer, Func<DateTimeOffset>? now = null)
    {
        var certificate = TestCertificates.Issue(issuer, "DirectiveHub Test TSA", DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5), TimeStampingUsage);
        var authority = new TestTimestampAuthority(certificate, now ?? (() => DateTimeOffset.UtcNow));
        await authority.ListenAsync(0);
        return authority;
    }

    /// <summary>
    /// Closes the port until the returned handle is disposed: connections are refused, as by a TSA that is down. The
    /// same port opens again afterwards, so an app configured with <see cref="Url"/> reaches the TSA again.
    /// </summary>
    public async Task<IAsyncDisposable> GoOfflineAsync()
    {
        var port = Url.Port;
        await StopAsync();
        return new Reopen(this, port);
    }

    /// <summary>
    /// The token of a signature's id-aa-timeStampToken attribute, checked the way a relying party does: it decodes as
    /// an RFC 3161 token (.NET checks the TSA's certificate and signature there) and its imprint is this signature's value.
    /// </summary>
    public static Rfc3161TimestampToken VerifiedTokenOf(SignerInfo signerInfo)
    {
        var attribute = Assert.Single(signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == "1.2.840.113549.1.9.16.2.14");
        Assert.True(Rfc3161TimestampToken.TryDecode(Assert.Single(attribute.Values.Cast<AsnEncodedData>()).RawData, out var token, out _), "The signature's timestamp is not an RFC 3161 token.");
        Assert.True(token.VerifySignatureForSignerInfo(signerInfo, out var tsa), "The timestamp is not over this signature's value, or its signature does not verify.");
        Assert.Contains(TimeStampingUsage, tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        return token;
    }

    /// <summary>The TimeStampResp this TSA sends for <paramref name="query"/> with <see cref="Answer"/> as it is now.</summary>
    public byte[] Respond(ReadOnlyMemory<byte> query)
    {
        if (!Rfc3161TimestampRequest.TryDecode(query, out var request, out var consumed) || consumed != query.Length)
        {
            return Refusal(FailureInfo.BadDataFormat, "The request is not a DER TimeStampReq.");
        }

        LastRequest = request;
        if (Answer == Reply.Rejected)
        {
            return Refusal(FailureInfo.BadRequest, "refused by the test TSA");
        }

        if (request.HashAlgorithmId.Value != Sha256)
        {
            return Refusal(FailureInfo.BadAlg, "Only SHA-256 imprints are stamped.");
        }

        var imprint = request.GetMessageHash().ToArray();
        var nonce = request.GetNonce()?.ToArray();
        if (Answer == Reply.WrongImprint)
        {
            imprint[0] ^= 0xFF;
        }

        if (Answer == Reply.WrongNonce)
        {
            // The last byte only, so the integer stays minimally encoded (DER) and still positive.
            nonce ??= [0x01];
            nonce[^1] ^= 0x01;
        }

        var genTime = _now();
        var token = Sign(TstInfo(imprint, Interlocked.Increment(ref _serial), genTime, nonce), request.RequestSignerCertificate);

        // The self-check a relying party would do, so a test failing later is never the helper's own encoding.
        if (!Rfc3161TimestampToken.TryDecode(token, out var decoded, out _) || !decoded.VerifySignatureForHash(imprint, HashAlgorithmName.SHA256, out _, [Certificate]))
        {
            throw new InvalidOperationException("The test TSA wrote a token .NET does not accept.");
        }

        LastGenTime = genTime;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(0); // granted
            }

            writer.WriteEncodedValue(token);
        }

        return writer.Encode();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate.Dispose();
    }

    /// <summary>
    /// TSTInfo (RFC 3161 section 2.4.2): version 1, policy, messageImprint, serialNumber, genTime, nonce. No accuracy,
    /// ordering left at its default (absent in DER), no tsa name, no extensions.
    /// </summary>
    private static byte[] TstInfo(byte[] imprint, long serial, DateTimeOffset genTime, byte[]? nonce)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteObjectIdentifier(Policy);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Sha256);
                    writer.WriteNull();
                }

                writer.WriteOctetString(imprint);
            }

            writer.WriteInteger(serial);
            writer.WriteGeneralizedTime(genTime, omitFractionalSeconds: false);
            if (nonce is not null)
            {
                writer.WriteInteger(nonce);
            }
        }

        return writer.Encode();
    }

    /// <summary>
    /// The token: SignedData over the TSTInfo. .NET's Rfc3161TimestampToken refuses a token without an ESS
    /// signing-certificate(-v2) attribute, and its request refuses a certificate it did not ask for.
    /// </summary>
    private byte[] Sign(byte[] tstInfo, bool includeCertificate)
    {
        var cms = new SignedCms(new ContentInfo(new Oid(TstInfoContentType), tstInfo), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
        {
            DigestAlgorithm = new Oid(Sha256),
            IncludeOption = includeCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        var certificateId = new AsnWriter(AsnEncodingRules.DER);
        using (certificateId.PushSequence())
        {
            using (certificateId.PushSequence())
            {
                using (certificateId.PushSequence())
                {
                    // ESSCertIDv2 with the default hash algorithm (SHA-256), which DER leaves out.
                    certificateId.WriteOctetString(SHA256.HashData(Certificate.RawData));
                }
            }
        }

        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, certificateId.Encode()));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>A TimeStampResp with status rejection (PKIStatusInfo: status, statusString, failInfo), and no token.</summary>
    private static byte[] Refusal(FailureInfo failure, string text)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(2); // rejection
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, text);
                }

                writer.WriteNamedBitList(failure);
            }
        }

        return writer.Encode();
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        var server = builder.Build();
        server.Run(HandleAsync);
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = new Uri(new Uri(address), "/tsa");
        _server = server;
    }

    private async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        switch (Answer)
        {
            case Reply.ServerError:
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case Reply.Stalled:
                try
                {
                    await Task.Delay(Timeout.Infinite, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up and closed the connection: that is the point of stalling.
                }

                return;
        }

        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentType != "application/timestamp-query")
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var reply = Respond(body.ToArray());
        http.Response.ContentType = "application/timestamp-reply";
        await http.Response.Body.WriteAsync(reply, http.RequestAborted);
    }

    /// <summary>PKIFailureInfo's bits (RFC 3161 section 2.4.2) this TSA uses.</summary>
    [Flags]
    private enum FailureInfo
    {
        BadAlg = 1 << 0,
        BadRequest = 1 << 2,
        BadDataFormat = 1 << 5,
    }

    private sealed class Reopen(TestTimestampAuthority authority, int port) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await authority.ListenAsync(port);
    }
}
