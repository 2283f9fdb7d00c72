using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DirectiveHub.Printing;

/// <summary>
/// What signs a PDF: the signer's certificate, the intermediate certificates to embed, and the key operation. For the
/// organisation's key the operation is the private key on the server; for a personal signature it is a call to the
/// signer's device (<see cref="IRemoteHashSigner"/>), and the server never holds the key.
/// </summary>
public sealed class UnitSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain, string unitName, Func<byte[], HashAlgorithmName, byte[]> signHash, TimestampAuthority? timestampAuthority) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public IReadOnlyList<X509Certificate2> Chain { get; } = chain;

    /// <summary>The name the signing mark prints ("HUYỆN ỦY QUỐC OAI").</summary>
    public string UnitName { get; } = unitName;

    public TimestampAuthority? TimestampAuthority { get; } = timestampAuthority;

    /// <summary>Signs a digest with the signer's key (RSA PKCS#1 v1.5).</summary>
    public byte[] SignHash(byte[] hash, HashAlgorithmName algorithm) => signHash(hash, algorithm);

    /// <summary>A signer over a certificate that carries its RSA private key (a PKCS#12 file or the machine store).</summary>
    public static UnitSigner FromCertificate(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain, string unitName, TimestampAuthority? timestampAuthority)
    {
        var key = certificate.GetRSAPrivateKey()
            ?? throw new DomainException("Chứng thư số của đơn vị không có khóa bí mật RSA dùng để ký.");
        return new UnitSigner(certificate, chain, unitName, (hash, algorithm) => key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1), timestampAuthority);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var link in Chain)
        {
            link.Dispose();
        }
    }
}
