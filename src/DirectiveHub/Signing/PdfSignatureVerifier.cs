using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DirectiveHub.Time;

namespace DirectiveHub.Signing;

/// <summary>
/// Checks the signatures of a received PDF without trusting the file: each /ByteRange is hashed and the CMS verified
/// over it (changed after signing?), the range must reach the end of the file (nothing appended), the certificate must
/// have been in force, and its chain must end at one of the roots administrators trust (none by default).
/// </summary>
public static class PdfSignatureVerifier
{
    public const string NoSignature = "Tệp PDF không có chữ ký số.";

    public static IReadOnlyList<SignatureCheck> Verify(byte[] pdf, IReadOnlyList<X509Certificate2> trustedRoots, DateTime nowUtc)
    {
        var checks = new List<SignatureCheck>();
        var marker = Encoding.ASCII.GetBytes("/ByteRange");
        var from = 0;
        while (true)
        {
            var at = pdf.AsSpan(from).IndexOf(marker);
            if (at < 0)
            {
                break;
            }

            at += from;
            from = at + marker.Length;
            if (ReadRange(pdf, at) is { } range)
            {
                checks.Add(Check(pdf, range, trustedRoots, nowUtc));
            }
        }

        return checks;
    }

    private static long[]? ReadRange(byte[] pdf, int at)
    {
        var open = Array.IndexOf(pdf, (byte)'[', at);
        var close = open < 0 ? -1 : Array.IndexOf(pdf, (byte)']', open);
        if (open < 0 || close < 0 || close - open > 200)
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(pdf, open + 1, close - open - 1).Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || !parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var range = parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var valid = range[0] == 0 && range[1] > 0 && range[2] > range[1] + 1 && range[2] + range[3] <= pdf.Length
            && pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
        return valid ? range : null;
    }

    private static SignatureCheck Check(byte[] pdf, long[] range, IReadOnlyList<X509Certificate2> roots, DateTime nowUtc)
    {
        var lines = new List<string>();
        var whole = range[2] + range[3] == pdf.Length;
        var content = new byte[range[1] + range[3]];
        Array.Copy(pdf, 0, content, 0, range[1]);
        Array.Copy(pdf, range[2], content, range[1], range[3]);

        SignedCms cms;
        try
        {
            var hex = Encoding.ASCII.GetString(pdf, (int)range[1] + 1, (int)(range[2] - range[1] - 2));
            var der = Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0");
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
            cms = new SignedCms(new ContentInfo(content), detached: true);
            cms.Decode(der.AsSpan(0, length));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or AsnContentException)
        {
            return new SignatureCheck(null, null, null, false, false, whole, false, false, ["Chữ ký số bị hỏng, không đọc được."]);
        }

        var info = cms.SignerInfos[0];
        var certificate = info.Certificate;
        var name = certificate?.GetNameInfo(X509NameType.SimpleName, false);
        lines.Add(certificate is null ? "Người ký: không rõ (chữ ký không kèm chứng thư số)." : $"Người ký: {name} ({certificate.Subject}).");

        var when = SigningTime(info, cms.Certificates, roots);
        if (when.At is null && DictionaryTime(pdf, range) is { } declared)
        {
            // PAdES baseline puts the claimed time in the signature dictionary (/M), not in the CMS.
            when = when with { At = declared, Source = "theo khai báo của máy ký trong tệp (không có dấu thời gian)" };
        }

        var signedAt = when.At;
        var timestamped = when.Timestamped;
        lines.Add(signedAt is { } t
            ? $"Thời điểm ký: {VietnamTime.ToVietnam(t).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)} (giờ Việt Nam), {when.Source}."
            : "Thời điểm ký: không ghi trong chữ ký.");
        if (when.Refused is { } refused)
        {
            lines.Add(refused);
        }

        var intact = true;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            intact = false;
        }

        lines.Add(intact
            ? whole ? "Nội dung còn nguyên vẹn từ khi ký." : "Phần đã ký còn nguyên vẹn, nhưng tệp có nội dung thêm vào sau khi ký."
            : "Văn bản đã bị thay đổi sau khi ký: chữ ký không khớp với nội dung.");

        var expired = certificate is not null && certificate.NotAfter.ToUniversalTime() < (timestamped ? signedAt!.Value : nowUtc);
        var notYet = certificate is not null && signedAt is { } at && certificate.NotBefore.ToUniversalTime() > at;
        if (expired)
        {
            lines.Add($"Chứng thư số đã hết hạn ngày {certificate!.NotAfter.ToUniversalTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
        }
        else if (notYet)
        {
            lines.Add("Chứng thư số chưa có hiệu lực vào thời điểm ký.");
        }

        var trustedRoot = certificate is null ? null : ChainRoot(certificate, cms.Certificates, roots, signedAt ?? nowUtc);
        lines.Add(trustedRoot is not null
            ? $"Chứng thư số do tổ chức được tin cậy cấp: {trustedRoot}."
            : $"Không rõ tổ chức cấp chứng thư số ({certificate?.Issuer ?? "không rõ"}): không thuộc các chứng thư gốc được quản trị viên tin cậy.");

        return new SignatureCheck(name, certificate?.Subject, signedAt, timestamped, intact, whole, expired || notYet, trustedRoot is not null, lines);
    }

    /// <summary>
    /// When the signature was made, and what says so. A timestamp proves it only when its token is over this
    /// signature's value and its TSA chains to a trusted root: the attribute is unsigned, so anyone can put there a
    /// token taken from another signature or made by a TSA of their own, and an expired certificate would then look in
    /// force. Otherwise the time is what the signing machine wrote, if anything.
    /// </summary>
    private static SigningTimeSource SigningTime(SignerInfo info, X509Certificate2Collection embedded, IReadOnlyList<X509Certificate2> roots)
    {
        string? refused = null;
        foreach (var attribute in info.UnsignedAttributes)
        {
            if (attribute.Oid.Value != "1.2.840.113549.1.9.16.2.14" || attribute.Values.Count == 0)
            {
                continue;
            }

            // TryDecode also checks the TSA's own signature, and its certificate's time-stamping usage, when the token carries it.
            if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _))
            {
                refused = "Dấu thời gian kèm chữ ký bị hỏng hoặc chữ ký của máy chủ cấp dấu thời gian không hợp lệ, nên không được dùng.";
                continue;
            }

            if (!token.VerifySignatureForSignerInfo(info, out var tsa, embedded))
            {
                refused = "Dấu thời gian kèm chữ ký không được cấp cho chữ ký này, nên không được dùng.";
                continue;
            }

            var at = token.TokenInfo.Timestamp.UtcDateTime;
            var tsaChain = new X509Certificate2Collection(token.AsSignedCms().Certificates);
            tsaChain.AddRange(embedded);
            return ChainRoot(tsa, tsaChain, roots, at) is null
                ? new SigningTimeSource(at, false, $"theo dấu thời gian của {tsa.GetNameInfo(X509NameType.SimpleName, false)}, máy chủ không thuộc các chứng thư gốc được tin cậy", null)
                : new SigningTimeSource(at, true, "có dấu thời gian", null);
        }

        foreach (var attribute in info.SignedAttributes)
        {
            if (attribute.Oid.Value == "1.2.840.113549.1.9.5" && attribute.Values.Count > 0)
            {
                return new SigningTimeSource(new Pkcs9SigningTime(attribute.Values[0].RawData).SigningTime.ToUniversalTime(), false, "theo đồng hồ của máy ký", refused);
            }
        }

        return new SigningTimeSource(null, false, "", refused);
    }

    /// <summary>The trusted root's name when the certificate chains to one (validity checked separately), else null.</summary>
    private static string? ChainRoot(X509Certificate2 certificate, X509Certificate2Collection embedded, IReadOnlyList<X509Certificate2> roots, DateTime atUtc)
    {
        if (roots.Count == 0)
        {
            return null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc).ToLocalTime();
        if (!chain.Build(certificate))
        {
            return null;
        }

        var root = chain.ChainElements[^1].Certificate;
        return roots.Any(r => r.Thumbprint == root.Thumbprint) ? root.GetNameInfo(X509NameType.SimpleName, false) : null;
    }

    /// <param name="Source">What the time line says vouches for the time.</param>
    /// <param name="Refused">Why a timestamp the signature carries was not used, if it was not.</param>
    /// <summary>The /M date of the signature's own dictionary: the object that holds its /Contents.</summary>
    private static DateTime? DictionaryTime(byte[] pdf, long[] range)
    {
        var before = pdf.AsSpan(0, (int)range[1]).LastIndexOf(" obj"u8);
        var afterSpan = pdf.AsSpan((int)range[2]);
        var after = afterSpan.IndexOf("endobj"u8);
        if (before < 0 || after < 0 || range[1] - before > 8192 || after > 8192)
        {
            return null;
        }

        var dictionary = Encoding.Latin1.GetString(pdf, before, (int)range[1] - before) + Encoding.Latin1.GetString(pdf, (int)range[2], after);
        var match = System.Text.RegularExpressions.Regex.Match(dictionary, @"/M\s*\(D:(\d{14})(Z|[+-]\d{2}'?\d{2}'?)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success || !DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = match.Groups[2].Value.Replace("'", "", StringComparison.Ordinal);
        var offset = zone.Length == 5 && int.TryParse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture, out var hours) && int.TryParse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture, out var minutes)
            ? new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1)
            : TimeSpan.Zero;
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private sealed record SigningTimeSource(DateTime? At, bool Timestamped, string Source, string? Refused);
}
