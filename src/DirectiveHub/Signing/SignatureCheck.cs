namespace DirectiveHub.Signing;

/// <summary>What one signature of a PDF says, and the Vietnamese lines the page shows for it.</summary>
public sealed record SignatureCheck(
    string? Signer,
    string? SignerSubject,
    DateTime? SignedAtUtc,
    bool Timestamped,
    bool Intact,
    bool CoversWholeDocument,
    bool Expired,
    bool Trusted,
    IReadOnlyList<string> Lines)
{
    /// <summary>Intact, whole, in force and trusted: the only case shown as valid.</summary>
    public bool IsValid => Intact && CoversWholeDocument && !Expired && Trusted;
}
