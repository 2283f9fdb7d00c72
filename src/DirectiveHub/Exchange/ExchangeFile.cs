namespace DirectiveHub.Exchange;

/// <summary>A file of a package, listed in the manifest with its SHA-256 and carried base64.</summary>
/// <param name="IsRecordCopy">The signed PDF record copy (bản gốc điện tử) rather than an attachment.</param>
public sealed record ExchangeFile(string Name, string ContentType, byte[] Content, string Sha256, bool IsRecordCopy);
