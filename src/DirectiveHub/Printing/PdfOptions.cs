using Microsoft.Extensions.Configuration;

namespace DirectiveHub.Printing;

/// <summary>The <c>Pdf</c> section: where fonts come from and the RFC 3161 timestamp authority, if any.</summary>
public sealed record PdfOptions(string? FontFolder, Uri? TimestampAuthority)
{
    public static PdfOptions Read(IConfiguration configuration)
    {
        var tsa = configuration["Pdf:TimestampAuthorityUrl"];
        return new PdfOptions(
            configuration["Pdf:FontFolder"],
            string.IsNullOrWhiteSpace(tsa) ? null : new Uri(tsa, UriKind.Absolute));
    }
}
