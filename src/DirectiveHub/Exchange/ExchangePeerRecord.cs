namespace DirectiveHub.Exchange;

/// <summary>
/// An exchange peer an administrator added (Quản trị › Hệ thống liên thông), beside those in the <c>Exchange:Peers</c>
/// settings. The key the peer presents is kept only as its SHA-256 (it is compared, never read back) with its last four
/// characters as a hint; the key we present to it is kept encrypted with Data Protection. Neither is ever shown in full.
/// </summary>
public sealed class ExchangePeerRecord
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 500;
    public const int MaxUnits = 200;
    public const int MaxUnitsLength = MaxUnits * (ExchangeCodes.MaxLength + 1);

    private ExchangePeerRecord()
    {
        Code = null!;
        Units = null!;
    }

    public ExchangePeerRecord(string code, DateTime nowUtc)
    {
        Code = code;
        Units = string.Empty;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Code { get; private set; }

    public string? Name { get; private set; }

    public string? Url { get; private set; }

    /// <summary>Hex SHA-256 of the key the peer presents (<c>X-Exchange-Key</c>).</summary>
    public string? KeySha256 { get; private set; }

    /// <summary>The last four characters of that key, so an administrator can tell which one is set.</summary>
    public string? KeyHint { get; private set; }

    /// <summary>The key we present to the peer, protected with Data Protection.</summary>
    public string? OutboundKeyProtected { get; private set; }

    /// <summary>Exchange codes of the units the peer carries, one per line.</summary>
    public string Units { get; private set; }

    public bool IsDisabled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> UnitList => Units.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Describe(string? name, string? url, IReadOnlyCollection<string> units, bool disabled, DateTime nowUtc)
    {
        Name = name;
        Url = url;
        Units = string.Join('\n', units);
        IsDisabled = disabled;
        UpdatedAt = nowUtc;
    }

    public void SetKey(string sha256, string hint)
    {
        KeySha256 = sha256;
        KeyHint = hint;
    }

    public void SetOutboundKey(string protectedKey) => OutboundKeyProtected = protectedKey;
}
