namespace DirectiveHub.Directives;

/// <summary>The signature block: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / Đàm Công Lợi".</summary>
public sealed record Signer(SigningAuthority Authority, string? Body, string? Position, string? Name)
{
    public static readonly Signer Empty = new(SigningAuthority.None, null, null, null);

    /// <summary>The first printed line: "T/M BAN THƯỜNG VỤ", or null when the signer signs with the title alone.</summary>
    public string? AuthorityLine => Authority.ToPrinted() is { } form && !string.IsNullOrWhiteSpace(Body)
        ? $"{form} {Body}"
        : null;
}
