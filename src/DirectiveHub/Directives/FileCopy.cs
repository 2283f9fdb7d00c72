using DirectiveHub.Organizations;

namespace DirectiveHub.Directives;

/// <summary>
/// Where the issuer keeps its file copy ("Lưu: VPHU"), when its earlier documents do not say. A committee's copy is
/// kept by its office, whose code joins "VP" and the committee's (Văn phòng Huyện ủy → VPHU, DOMAIN.md); a board, an
/// office or any other unit keeps its own under its own code.
/// </summary>
public static class FileCopy
{
    public const string Purpose = "Lưu";

    public static DistributionContent DefaultFor(OrganizationKind kind, string? symbolCode)
    {
        if (string.IsNullOrWhiteSpace(symbolCode))
        {
            return new DistributionContent("Văn phòng", Purpose);
        }

        var committee = kind is OrganizationKind.CentralCommittee or OrganizationKind.ProvincialCommittee or OrganizationKind.DistrictCommittee or OrganizationKind.CommuneCommittee;
        return new DistributionContent(committee ? "VP" + symbolCode.Trim() : symbolCode.Trim(), Purpose);
    }
}
