using Microsoft.Extensions.Configuration;

namespace DirectiveHub.Printing;

/// <summary>The <c>Pdf</c> section: where fonts come from and the RFC 3161 timestamp authority, if any.</summary>
public sealed record PdfOptions(string? FontFolder, TimestampAuthority? TimestampAuthority)
{
    public static PdfOptions Read(IConfiguration configuration)
    {
        var url = configuration["Pdf:TimestampAuthorityUrl"];
        var timeout = configuration.GetValue("Pdf:TimestampTimeout", TimestampAuthority.DefaultTimeout);
        if (timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Pdf:TimestampTimeout must be positive, not {timeout}.");
        }

        return new PdfOptions(
            configuration["Pdf:FontFolder"],
            string.IsNullOrWhiteSpace(url) ? null : new TimestampAuthority(new Uri(url, UriKind.Absolute), timeout));
    }
}
