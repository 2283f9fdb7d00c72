using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Signing;

/// <summary>
/// Demo data only: a throwaway demo root made on the spot and one signing certificate under it for each committee
/// the demo accounts publish from, stored as an administrator's upload is, so that publishing a demo directive stores
/// a signed record copy (`pdfsig` reports it valid). The root is not trusted: the check of such a PDF says the
/// issuer is unknown until an administrator trusts it, as it would for any CA. Nothing of it is in the repository.
/// </summary>
public static class DemoSigningCertificates
{
    /// <summary>Huyện ủy Quốc Oai (the demo clerk's), Thành ủy Hà Nội and Tỉnh ủy Nghệ An.</summary>
    public static readonly string[] UnitCodes = ["HN-QO", "HN", "NA"];

    public const string RootName = "DirectiveHub Demo CA (chỉ dùng thử)";

    public static async Task<int> InstallAsync(AppDbContext db, UnitCertificates certificates, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var units = await db.Organizations.Where(o => UnitCodes.Contains(o.Code) && o.DissolvedOn == null).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return 0;
        }

        var now = new DateTimeOffset(nowUtc, TimeSpan.Zero);
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest($"CN={RootName}, O=DirectiveHub, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        foreach (var unit in units)
        {
            using var key = RSA.Create(2048);
            // Built by parts: a unit's name may hold a comma, which a distinguished name written as text would split.
            var name = new X500DistinguishedNameBuilder();
            name.AddCountryOrRegion("VN");
            name.AddOrganizationName("DirectiveHub (dữ liệu mẫu)");
            name.AddCommonName(unit.Name);
            var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
            var serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F;
            using var issued = request.Create(root, now.AddDays(-1), now.AddYears(2), serial);
            using var withKey = issued.CopyWithPrivateKey(key);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            using var rootOnly = X509CertificateLoader.LoadCertificate(root.RawData);
            var pkcs12 = new X509Certificate2Collection { withKey, rootOnly }.Export(X509ContentType.Pkcs12, password)!;
            await certificates.UploadAsync(unit.Id, pkcs12, password, Guid.Empty, nowUtc, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return units.Count;
    }
}
