using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DirectiveHub.Printing;

/// <summary>
/// The personal-signing seam (docs/signing.md): the signer's device (USB token plugin, remote signing service) holds the
/// key and signs the digest the server prepared; the server assembles the CMS and the PDF around that signature.
/// </summary>
public interface IRemoteHashSigner
{
    /// <summary>The signer's certificate as the device reports it (public part only).</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>RSA PKCS#1 v1.5 signature over <paramref name="hash"/>, made on the device.</summary>
    byte[] SignHash(byte[] hash, HashAlgorithmName algorithm);
}
