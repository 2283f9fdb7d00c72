using System.Text.RegularExpressions;

namespace DirectiveHub.Exchange;

/// <summary>
/// The shape of an exchange code (mã định danh: "000.00.01.H12", or a unit's own code until one is assigned):
/// letters, digits, dot, hyphen and underscore, so a code can never smuggle markup or a path into a package or a file name.
/// </summary>
public static partial class ExchangeCodes
{
    public const int MaxLength = 64;

    public const string InvalidMessage = "Mã liên thông chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới và không quá 64 ký tự.";

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Shape().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Shape();
}
