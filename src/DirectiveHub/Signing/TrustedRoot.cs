namespace DirectiveHub.Signing;

/// <summary>
/// A root certificate administrators chose to trust for verifying received PDFs (the Government Cipher Committee's CA,
/// the Party's own). None is trusted by default: a signature that chains to no uploaded root is "không rõ nguồn gốc".
/// </summary>
public sealed class TrustedRoot
{
    private TrustedRoot()
    {
        Subject = null!;
        Thumbprint = null!;
        RawData = null!;
    }

    public TrustedRoot(byte[] rawData, string subject, string thumbprint, DateTime notAfterUtc, Guid addedById, DateTime nowUtc)
    {
        RawData = rawData;
        Subject = subject;
        Thumbprint = thumbprint;
        NotAfter = notAfterUtc;
        AddedById = addedById;
        AddedAt = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The DER certificate (public only).</summary>
    public byte[] RawData { get; private set; }

    public string Subject { get; private set; }

    public string Thumbprint { get; private set; }

    public DateTime NotAfter { get; private set; }

    public Guid AddedById { get; private set; }

    public DateTime AddedAt { get; private set; }
}
