using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DirectiveHub.Tests.Printing;

/// <summary>A throwaway CA and the certificates it issues, made in the test (CertificateRequest): nothing in the repo.</summary>
public static class TestCertificates
{
    public static X509Certificate2 CreateRoot(string name = "DirectiveHub Test Root CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=DirectiveHub Tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(10));
    }

    /// <summary>
    /// A signing certificate for a unit, issued by <paramref name="issuer"/>, with its private key; with
    /// <paramref name="extendedKeyUsage"/>, that usage alone and critical, as RFC 3161 requires of a TSA's certificate.
    /// </summary>
    public static X509Certificate2 Issue(X509Certificate2 issuer, string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? extendedKeyUsage = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Đảng Cộng sản Việt Nam, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (extendedKeyUsage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsage)], true));
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, notBefore ?? DateTimeOffset.UtcNow.AddDays(-30), notAfter ?? DateTimeOffset.UtcNow.AddYears(2), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Through PKCS#12 so the key is exportable and persisted the way an uploaded .p12 would be.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, "test"), "test", X509KeyStorageFlags.Exportable);
    }

    public static byte[] Pkcs12(X509Certificate2 certificate, string password, params X509Certificate2[] chain)
    {
        var collection = new X509Certificate2Collection(certificate);
        collection.AddRange(chain);
        return collection.Export(X509ContentType.Pkcs12, password)!;
    }
}
