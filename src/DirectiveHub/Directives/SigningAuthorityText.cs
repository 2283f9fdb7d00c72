namespace DirectiveHub.Directives;

public static class SigningAuthorityText
{
    public static string? ToPrinted(this SigningAuthority authority) => authority switch
    {
        SigningAuthority.OnBehalfOf => "T/M",
        SigningAuthority.Deputy => "K/T",
        SigningAuthority.ByDelegation => "T/L",
        SigningAuthority.Authorized => "T/UQ",
        _ => null,
    };

    public static SigningAuthority FromPrinted(string? printed) =>
        printed?.Replace(".", "/", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "T/M" or "TM/" or "TM" => SigningAuthority.OnBehalfOf,
            "K/T" or "KT/" or "KT" => SigningAuthority.Deputy,
            "T/L" or "TL/" or "TL" => SigningAuthority.ByDelegation,
            "T/UQ" or "TUQ/" or "TUQ" => SigningAuthority.Authorized,
            _ => SigningAuthority.None,
        };
}
