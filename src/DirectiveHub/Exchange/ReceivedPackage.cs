namespace DirectiveHub.Exchange;

/// <summary>
/// A package received from the exchange and the directive it became here. The issuer's code, number and date identify
/// it (a second package with the same three is a duplicate); the issuer's document id is what our statuses answer to.
/// </summary>
public sealed class ReceivedPackage
{
    private ReceivedPackage()
    {
        IssuerCode = null!;
        Number = null!;
        Sha256 = null!;
    }

    public ReceivedPackage(Guid documentId, string issuerCode, string number, DateOnly issuedOn, Guid directiveId, string? peerCode, string sha256, string? signatureSummary, DateTime receivedAtUtc)
    {
        DocumentId = documentId;
        IssuerCode = issuerCode;
        Number = number;
        IssuedOn = issuedOn;
        DirectiveId = directiveId;
        PeerCode = peerCode;
        Sha256 = sha256;
        SignatureSummary = signatureSummary;
        ReceivedAt = receivedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The issuer's id of the directive (edXML DocumentId).</summary>
    public Guid DocumentId { get; private set; }

    public string IssuerCode { get; private set; }

    public string Number { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public Guid DirectiveId { get; private set; }

    /// <summary>The peer that delivered it, where statuses go back; null for a folder drop or a clerk's upload.</summary>
    public string? PeerCode { get; private set; }

    /// <summary>SHA-256 of the package as received.</summary>
    public string Sha256 { get; private set; }

    /// <summary>What the signature check of the record copy said on arrival (Vietnamese lines, one per line).</summary>
    public string? SignatureSummary { get; private set; }

    public DateTime ReceivedAt { get; private set; }
}
