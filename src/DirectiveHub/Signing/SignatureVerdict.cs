namespace DirectiveHub.Signing;

/// <summary>A PDF's signatures in one word, for the line shown beside a file; the full lines say why.</summary>
public enum SignatureVerdict
{
    /// <summary>The file carries no signature.</summary>
    None,

    /// <summary>Every signature is intact, covers the whole file, was in force and chains to a trusted root.</summary>
    Valid,

    /// <summary>Intact and in force, but no root administrators trust issued the certificate.</summary>
    UnknownIssuer,

    /// <summary>The certificate had expired, or was not yet valid, when the document was signed.</summary>
    Expired,

    /// <summary>The content no longer matches a signature, something was added after signing, or a signature cannot be read.</summary>
    Changed,
}
