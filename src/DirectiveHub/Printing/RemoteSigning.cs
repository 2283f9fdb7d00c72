namespace DirectiveHub.Printing;

/// <summary>
/// The server side of personal signing (docs/signing.md): a <see cref="UnitSigner"/> whose key operation is the signer's
/// device. The server prepares the PDF, builds the signed attributes and hands their digest to the device; it never
/// sees the private key.
/// </summary>
public static class RemoteSigning
{
    public static UnitSigner Signer(IRemoteHashSigner device, string unitName, TimestampAuthority? timestampAuthority = null)
    {
        if (device.Certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("A remote signer reports its certificate without the private key.");
        }

        return new UnitSigner(
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(device.Certificate.RawData),
            [],
            unitName,
            device.SignHash,
            timestampAuthority);
    }
}
