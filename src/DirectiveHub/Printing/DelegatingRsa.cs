using System.Security.Cryptography;

namespace DirectiveHub.Printing;

/// <summary>
/// An RSA key whose signing happens elsewhere: <see cref="System.Security.Cryptography.Pkcs.SignedCms"/> builds the
/// signed attributes and asks this key to sign their digest, which goes to the real key (server key, device, test
/// double). Only signing is supported; the public half comes from the certificate.
/// </summary>
internal sealed class DelegatingRsa(RSA publicKey, Func<byte[], HashAlgorithmName, byte[]> signHash) : RSA
{
    public override int KeySize
    {
        get => publicKey.KeySize;
        set => throw new NotSupportedException();
    }

    public override KeySizes[] LegalKeySizes => publicKey.LegalKeySizes;

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key is not here.") : publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("Only PKCS#1 v1.5 signatures are delegated.");
        }

        return signHash(hash, hashAlgorithm);
    }

    public override bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten)
    {
        var signature = SignHash(hash.ToArray(), hashAlgorithm, padding);
        if (signature.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
