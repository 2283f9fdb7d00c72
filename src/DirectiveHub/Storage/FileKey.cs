namespace DirectiveHub.Storage;

/// <summary>Store keys: 32 lower-case hex digits of a version-7 Guid, so they sort by time and never name a path.</summary>
public static class FileKey
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);

    public static string Require(string key) =>
        IsValid(key) ? key : throw new ArgumentException("Not a file store key.", nameof(key));
}
