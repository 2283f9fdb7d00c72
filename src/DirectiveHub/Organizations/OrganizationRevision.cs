namespace DirectiveHub.Organizations;

/// <summary>
/// How a unit stood from <see cref="EffectiveFrom"/> until its next revision: the tree changes (the 2025 reform
/// abolished districts and merged communes), and documents must keep showing their issuer as it was.
/// </summary>
public sealed class OrganizationRevision
{
    private OrganizationRevision()
    {
        Name = null!;
        SymbolCode = null!;
    }

    internal OrganizationRevision(Organization organization, DateOnly effectiveFrom)
    {
        OrganizationId = organization.Id;
        EffectiveFrom = effectiveFrom;
        Name = organization.Name;
        SymbolCode = organization.SymbolCode;
        Place = organization.Place;
        PartyBodyName = organization.PartyBodyName;
        ParentId = organization.ParentId;
        Kind = organization.Kind;
        Change = organization.IsDissolved ? "Dissolved" : null;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Name { get; private set; }

    public string SymbolCode { get; private set; }

    public string? Place { get; private set; }

    public string? PartyBodyName { get; private set; }

    public Guid? ParentId { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public string? Change { get; private set; }
}
