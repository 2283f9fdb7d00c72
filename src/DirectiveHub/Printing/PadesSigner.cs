using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace DirectiveHub.Printing;

/// <summary>
/// Signs a PDF as PAdES baseline B (B-T with a timestamp authority): PDFsharp lays out the signature field, its visible
/// mark and a placeholder; this class then writes the CMS itself, because PDFsharp 6.2 fixes the SubFilter to
/// adbe.pkcs7.detached and adds no signing-certificate-v2 attribute. The SubFilter is rewritten to
/// ETSI.CAdES.detached (same length, so every offset holds) before the byte range is hashed.
/// </summary>
public static class PadesSigner
{
    /// <summary>Room for the CMS: the certificate chain, the signature and an RFC 3161 token.</summary>
    public const int ReservedBytes = 24 * 1024;

    private static readonly byte[] PdfSharpSubFilter = Encoding.ASCII.GetBytes("/adbe.pkcs7.detached");
    private static readonly byte[] PadesSubFilter = Encoding.ASCII.GetBytes("/ETSI.CAdES.detached");

    public static async Task<byte[]> SignAsync(PdfDocument document, SignaturePlacement placement, UnitSigner signer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(document, placement, signer.UnitName, signer.Certificate.GetNameInfo(X509NameType.SimpleName, false), nowUtc);
        var cms = await BuildCmsAsync(prepared.SignedContent(), signer, cancellationToken);
        return prepared.Embed(cms);
    }

    /// <summary>
    /// The document with an empty signature: its bytes, the byte range to sign and where the CMS goes. Step one of both
    /// the server's signature and a personal one (the device signs what <see cref="BuildCmsAsync"/> asks it to).
    /// </summary>
    public static async Task<PreparedSignature> PrepareAsync(PdfDocument document, SignaturePlacement placement, string unitName, string signerName, DateTime nowUtc)
    {
        var options = new DigitalSignatureOptions
        {
            AppName = "DirectiveHub",
            Reason = "Ban hành văn bản",
            Location = unitName,
            ContactInfo = signerName,
            PageIndex = placement.PageIndex,
            // PDFsharp takes the field's rectangle in PDF space (origin bottom left); the layout measures from the top.
            Rectangle = new PdfSharp.Drawing.XRect(placement.Area.X, document.Pages[placement.PageIndex].Height.Point - placement.Area.Bottom, placement.Area.Width, placement.Area.Height),
            AppearanceHandler = new SigningMark(unitName, signerName, nowUtc),
        };
        DigitalSignatureHandler.ForDocument(document, new Placeholder(), options);
        using var stream = new MemoryStream();
        await document.SaveAsync(stream);
        return PreparedSignature.From(stream.ToArray());
    }

    /// <summary>CMS SignedData over the content: signing-certificate-v2, SHA-256, the chain; a timestamp when configured.</summary>
    public static async Task<byte[]> BuildCmsAsync(byte[] content, UnitSigner signer, CancellationToken cancellationToken)
    {
        var publicKey = signer.Certificate.GetRSAPublicKey()
            ?? throw new DomainException("Chứng thư số của người ký không dùng khóa RSA.");
        using var key = new DelegatingRsa(publicKey, signer.SignHash);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer.Certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cmsSigner.Certificates.AddRange(signer.Chain.ToArray());
        cmsSigner.SignedAttributes.Add(SigningCertificateV2(signer.Certificate.RawData));
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(cmsSigner, silent: true);
        if (signer.TimestampAuthority is { } tsa)
        {
            var token = await TimestampAsync(cms.SignerInfos[0], tsa, cancellationToken);
            cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData("1.2.840.113549.1.9.16.2.14", token));
        }

        return cms.Encode();
    }

    /// <summary>ESS signing-certificate-v2 (RFC 5035) with the default SHA-256: what PAdES baseline requires.</summary>
    private static AsnEncodedData SigningCertificateV2(byte[] certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate));
                }
            }
        }

        return new AsnEncodedData("1.2.840.113549.1.9.16.2.47", writer.Encode());
    }

    /// <summary>An RFC 3161 token over the signature value (the signature-time-stamp attribute of PAdES B-T).</summary>
    private static async Task<byte[]> TimestampAsync(SignerInfo signerInfo, TimestampAuthority tsa, CancellationToken cancellationToken)
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signerInfo, HashAlgorithmName.SHA256, requestSignerCertificates: true, nonce: nonce);
        var host = tsa.Url.Host;
        using var http = new HttpClient { Timeout = tsa.Timeout };
        using var body = new ByteArrayContent(request.Encode());
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/timestamp-query");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(tsa.Url, body, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new DomainException($"Không kết nối được máy chủ cấp dấu thời gian ({host}): {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; left alone it would pass every handler that lets a
            // caller's cancellation through and reach the clerk as a server error instead of a reason.
            throw new DomainException($"Máy chủ cấp dấu thời gian ({host}) không trả lời trong {tsa.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} giây.");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DomainException($"Máy chủ cấp dấu thời gian ({host}) trả lỗi {(int)response.StatusCode}.");
            }

            var reply = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Accept(request, reply, host);
        }
    }

    /// <summary>
    /// The token of a TimeStampResp, after the checks RFC 3161 (section 2.4.2) asks of the requester, each with its
    /// reason: the status, the imprint (the token is over this signature), the nonce (it answers this request, not an
    /// earlier one replayed) and the TSA's signature. .NET's own acceptance rules run last, so none of theirs is lost;
    /// they only throw a bare <see cref="CryptographicException"/>, which would tell the clerk nothing.
    /// </summary>
    private static byte[] Accept(Rfc3161TimestampRequest request, byte[] reply, string host)
    {
        var refused = $"Máy chủ cấp dấu thời gian ({host})";
        ReadOnlyMemory<byte> encodedToken;
        try
        {
            var response = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence();
            var statusInfo = response.ReadSequence();
            if (!statusInfo.TryReadInt32(out var status))
            {
                throw new AsnContentException();
            }

            // granted (0) and grantedWithMods (1) carry a token; every other status is a refusal.
            if (status is not (0 or 1))
            {
                var text = statusInfo.HasData && statusInfo.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)
                    ? statusInfo.ReadSequence().ReadCharacterString(UniversalTagNumber.UTF8String)
                    : null;
                throw new DomainException($"{refused} từ chối cấp dấu thời gian (trạng thái {status.ToString(CultureInfo.InvariantCulture)}{(text is null ? "" : $": {text}")}).");
            }

            if (!response.HasData)
            {
                throw new DomainException($"{refused} báo đã cấp nhưng không gửi kèm dấu thời gian.");
            }

            encodedToken = response.ReadEncodedValue();
        }
        catch (AsnContentException)
        {
            throw new DomainException($"{refused} trả lời không đúng định dạng RFC 3161.");
        }

        if (!Rfc3161TimestampToken.TryDecode(encodedToken, out var token, out _))
        {
            throw new DomainException($"{refused} trả về dấu thời gian không đọc được, hoặc chữ ký của máy chủ trên đó không hợp lệ.");
        }

        var info = token.TokenInfo;
        if (info.HashAlgorithmId.Value != request.HashAlgorithmId.Value || !info.GetMessageHash().Span.SequenceEqual(request.GetMessageHash().Span))
        {
            throw new DomainException($"{refused} trả về dấu thời gian cho một nội dung khác (mã băm không khớp với chữ ký), nên không dùng được.");
        }

        if (request.GetNonce() is { } nonce && (info.GetNonce() is not { } echoed || !echoed.Span.SequenceEqual(nonce.Span)))
        {
            throw new DomainException($"{refused} trả về dấu thời gian không ứng với yêu cầu vừa gửi (số nonce không khớp), nên không dùng được.");
        }

        if (!token.VerifySignatureForHash(request.GetMessageHash().Span, request.HashAlgorithmId, out _))
        {
            throw new DomainException($"{refused} trả về dấu thời gian mà chữ ký của máy chủ không kiểm tra được (thiếu chứng thư số cấp dấu thời gian).");
        }

        try
        {
            return request.ProcessResponse(reply, out _).AsSignedCms().Encode();
        }
        catch (CryptographicException exception)
        {
            throw new DomainException($"{refused} trả về dấu thời gian không hợp lệ: {exception.Message}");
        }
    }

    /// <summary>A signer that only reserves room: the real CMS is written afterwards.</summary>
    private sealed class Placeholder : IDigitalSigner
    {
        public string CertificateName => "DirectiveHub";

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(ReservedBytes);

        public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(new byte[ReservedBytes]);
    }

    /// <summary>A saved PDF with an empty /Contents and its /ByteRange.</summary>
    public sealed class PreparedSignature
    {
        private readonly byte[] _pdf;

        private PreparedSignature(byte[] pdf, long[] byteRange)
        {
            _pdf = pdf;
            ByteRange = byteRange;
        }

        public IReadOnlyList<long> ByteRange { get; }

        public static PreparedSignature From(byte[] pdf)
        {
            var at = LastIndexOf(pdf, PdfSharpSubFilter);
            if (at < 0)
            {
                throw new InvalidOperationException("PDFsharp wrote no signature dictionary.");
            }

            PadesSubFilter.CopyTo(pdf, at);
            var range = ReadByteRange(pdf);
            return new PreparedSignature(pdf, range);
        }

        /// <summary>The bytes the signature covers: everything but the /Contents hex string.</summary>
        public byte[] SignedContent()
        {
            var content = new byte[ByteRange[1] + ByteRange[3]];
            Array.Copy(_pdf, ByteRange[0], content, 0, ByteRange[1]);
            Array.Copy(_pdf, ByteRange[2], content, ByteRange[1], ByteRange[3]);
            return content;
        }

        public byte[] Embed(byte[] cms)
        {
            var start = ByteRange[1] + 1;
            var room = ByteRange[2] - 1 - start;
            var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
            if (hex.Length > room)
            {
                throw new InvalidOperationException($"The signature needs {hex.Length / 2} bytes, {room / 2} are reserved.");
            }

            var signed = (byte[])_pdf.Clone();
            hex.CopyTo(signed, start);
            signed.AsSpan((int)(start + hex.Length), (int)(room - hex.Length)).Fill((byte)'0');
            return signed;
        }

        private static long[] ReadByteRange(byte[] pdf)
        {
            var marker = Encoding.ASCII.GetBytes("/ByteRange");
            var at = LastIndexOf(pdf, marker);
            if (at < 0)
            {
                throw new InvalidOperationException("The signed PDF has no /ByteRange.");
            }

            var open = Array.IndexOf(pdf, (byte)'[', at);
            var close = Array.IndexOf(pdf, (byte)']', open);
            var numbers = Encoding.ASCII.GetString(pdf, open + 1, close - open - 1)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(n => long.Parse(n, CultureInfo.InvariantCulture))
                .ToArray();
            if (numbers.Length != 4 || numbers[0] != 0 || pdf[numbers[1]] != '<' || pdf[numbers[2] - 1] != '>')
            {
                throw new InvalidOperationException("The /ByteRange does not frame the /Contents string.");
            }

            return numbers;
        }
    }

    internal static int LastIndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().LastIndexOf(needle);
}
