using System.Globalization;

namespace DirectiveHub.Directives;

/// <summary>The number and symbol of a Party document: "{sequence}-{type}/{issuer}", e.g. "114-CV/HU".</summary>
public sealed record DocumentSymbol(int Sequence, string TypeCode, string IssuerCode)
{
    /// <summary>Numbers below 10 carry a leading zero ("05-NQ/ĐU"), as the format guide prints them.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sequence:00}-{TypeCode}/{IssuerCode}");

    public static DocumentSymbol Create(int sequence, string typeCode, string issuerCode)
    {
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "A document number starts at 1.");
        }

        return new DocumentSymbol(sequence, typeCode, issuerCode);
    }
}
