namespace DirectiveHub.Signing;

/// <summary>
/// The certificate a unit's record copies are signed with (Hướng dẫn 03-HD/VPTW: the organisation's key signs on issue).
/// Either the PKCS#12 file and its password, kept encrypted with ASP.NET Data Protection, or a certificate in the
/// server's own certificate store (<see cref="FromMachineStore"/>: the "My" store of the account the app runs as),
/// named by its thumbprint, whose key never passes through the database at all. Only public facts are readable columns.
/// </summary>
public sealed class UnitCertificate
{
    private UnitCertificate()
    {
        Subject = null!;
        Issuer = null!;
        Thumbprint = null!;
    }

    public UnitCertificate(Guid organizationId, byte[]? protectedPkcs12, string? protectedPassword, string subject, string issuer, string thumbprint, DateTime notBeforeUtc, DateTime notAfterUtc, Guid uploadedById, DateTime nowUtc)
    {
        OrganizationId = organizationId;
        ProtectedPkcs12 = protectedPkcs12;
        ProtectedPassword = protectedPassword;
        Subject = subject;
        Issuer = issuer;
        Thumbprint = thumbprint;
        NotBefore = notBeforeUtc;
        NotAfter = notAfterUtc;
        UploadedById = uploadedById;
        UploadedAt = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    /// <summary>Null for a certificate of the machine store.</summary>
    public byte[]? ProtectedPkcs12 { get; private set; }

    public string? ProtectedPassword { get; private set; }

    public bool FromMachineStore => ProtectedPkcs12 is null;

    public string Subject { get; private set; }

    public string Issuer { get; private set; }

    public string Thumbprint { get; private set; }

    public DateTime NotBefore { get; private set; }

    public DateTime NotAfter { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTime UploadedAt { get; private set; }
}
