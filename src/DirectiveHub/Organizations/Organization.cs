namespace DirectiveHub.Organizations;

/// <summary>
/// A unit of the Party tree (or a state body or mass organization beside a committee). Its current state is on the
/// entity; every change is also kept as a dated <see cref="OrganizationRevision"/> so the tree can be read as of any date.
/// </summary>
public sealed class Organization
{
    private readonly List<OrganizationRevision> _revisions = [];

    private Organization()
    {
        Code = null!;
        Name = null!;
        SymbolCode = null!;
        Path = null!;
    }

    public Organization(
        string code,
        string name,
        OrganizationKind kind,
        string symbolCode,
        string? place,
        Organization? parent,
        DateOnly establishedOn,
        string? partyBodyName = null)
    {
        Code = RequireText(code, nameof(code)).ToUpperInvariant();
        Name = RequireText(name, nameof(name));
        SymbolCode = RequireText(symbolCode, nameof(symbolCode));
        Kind = kind;
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        PartyBodyName = string.IsNullOrWhiteSpace(partyBodyName) ? null : partyBodyName.Trim();
        EstablishedOn = establishedOn;
        SetParent(parent);
        _revisions.Add(new OrganizationRevision(this, establishedOn));
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Stable, unique key used by CSV files and operators (not the symbol, which many units share).</summary>
    public string Code { get; private set; }

    /// <summary>Full name as printed in a header ("HUYỆN ỦY QUỐC OAI").</summary>
    public string Name { get; private set; }

    public OrganizationKind Kind { get; private set; }

    /// <summary>Issuer code in document numbers ("HU", "BDVHU").</summary>
    public string SymbolCode { get; private set; }

    /// <summary>Locality named in the date line ("Quốc Oai").</summary>
    public string? Place { get; private set; }

    /// <summary>
    /// The Party organization a committee leads ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"): what a committee beneath it prints above
    /// its own name. A board prints its committee's name instead ("HUYỆN ỦY HẢI HẬU / BAN DÂN VẬN").
    /// </summary>
    public string? PartyBodyName { get; private set; }

    public Guid? ParentId { get; private set; }

    public Organization? Parent { get; private set; }

    /// <summary>Materialized path of ids from the root ("/a/b/c/"), so a subtree is one indexed prefix match.</summary>
    public string Path { get; private set; }

    public int Depth { get; private set; }

    public DateOnly EstablishedOn { get; private set; }

    public DateOnly? DissolvedOn { get; private set; }

    /// <summary>The unit that took over this one's work when it was dissolved or merged.</summary>
    public Guid? SuccessorId { get; private set; }

    public bool IsDissolved => DissolvedOn is not null;

    /// <summary>
    /// Mã định danh on the document exchange (edXML OrganId), set by administrators to what the axis assigned;
    /// until then the unit exchanges under its <see cref="Code"/> (<see cref="EffectiveExchangeCode"/>).
    /// </summary>
    public string? ExchangeCode { get; private set; }

    public string EffectiveExchangeCode => ExchangeCode ?? Code;

    public IReadOnlyList<OrganizationRevision> Revisions => _revisions;

    /// <summary>Sets or clears the exchange code; the caller checks no other unit holds it (a unique index backs it).</summary>
    public void SetExchangeCode(string? exchangeCode)
    {
        var code = string.IsNullOrWhiteSpace(exchangeCode) ? null : exchangeCode.Trim();
        if (code is not null && !Exchange.ExchangeCodes.IsValid(code))
        {
            throw new DomainException(Exchange.ExchangeCodes.InvalidMessage, nameof(ExchangeCode));
        }

        ExchangeCode = code;
    }

    public bool IsWithin(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);

    public void Rename(string name, string symbolCode, string? place, string? partyBodyName, DateOnly effectiveOn)
    {
        EnsureActive();
        EnsureInOrder(effectiveOn);
        PartyBodyName = string.IsNullOrWhiteSpace(partyBodyName) ? null : partyBodyName.Trim();
        Name = RequireText(name, nameof(name));
        SymbolCode = RequireText(symbolCode, nameof(symbolCode));
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        _revisions.Add(new OrganizationRevision(this, effectiveOn));
    }

    /// <summary>Moves the unit under another parent. Descendants' paths must be rebased by the caller's query.</summary>
    public void MoveTo(Organization newParent, DateOnly effectiveOn)
    {
        EnsureActive();
        EnsureInOrder(effectiveOn);
        if (newParent.Id == Id || newParent.IsWithin(Path))
        {
            throw new DomainException("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
        }

        SetParent(newParent);
        _revisions.Add(new OrganizationRevision(this, effectiveOn));
    }

    public void Dissolve(DateOnly effectiveOn, Organization? successor)
    {
        EnsureActive();
        EnsureInOrder(effectiveOn);
        if (successor is not null && successor.Id == Id)
        {
            throw new DomainException("Đơn vị kế thừa phải là đơn vị khác.");
        }

        DissolvedOn = effectiveOn;
        SuccessorId = successor?.Id;
        _revisions.Add(new OrganizationRevision(this, effectiveOn));
    }

    /// <summary>How the unit stood on a date: the name, symbol and place a document of that date prints.</summary>
    public OrganizationRevision AsOf(DateOnly date)
    {
        OrganizationRevision? found = null;
        foreach (var revision in _revisions.OrderBy(r => r.EffectiveFrom))
        {
            if (revision.EffectiveFrom > date)
            {
                break;
            }

            found = revision;
        }

        return found ?? _revisions.OrderBy(r => r.EffectiveFrom).First();
    }

    /// <summary>Follows an ancestor's move: the path prefix and depth change, the unit's own revisions do not.</summary>
    internal void Rebase(string oldPrefix, string newPrefix, int depthDelta)
    {
        Path = newPrefix + Path[oldPrefix.Length..];
        Depth += depthDelta;
    }

    /// <summary>What a document of <paramref name="issuer"/> prints above the issuer's name on <paramref name="date"/>.</summary>
    public string HeaderAbove(Organization issuer, DateOnly date)
    {
        var asOf = AsOf(date);
        return issuer.Kind == OrganizationKind.CommitteeBoard ? asOf.Name : asOf.PartyBodyName ?? asOf.Name;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Path))]
    private void SetParent(Organization? parent)
    {
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id.ToString("N") + "/";
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    private void EnsureActive()
    {
        if (IsDissolved)
        {
            throw new DomainException("Đơn vị đã giải thể, không thể thay đổi.");
        }
    }

    /// <summary>
    /// Changes are recorded in the order they take effect: the entity holds the latest state, so a change dated
    /// before the last recorded one would leave the entity and its history disagreeing.
    /// </summary>
    private void EnsureInOrder(DateOnly effectiveOn)
    {
        var latest = _revisions.Count == 0 ? EstablishedOn : _revisions.Max(r => r.EffectiveFrom);
        if (effectiveOn < latest)
        {
            throw new DomainException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ngày hiệu lực phải từ {latest:dd/MM/yyyy} trở đi (ngày của thay đổi gần nhất đã ghi)."));
        }
    }

    private static string RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", name);
        }

        return value.Trim();
    }
}
