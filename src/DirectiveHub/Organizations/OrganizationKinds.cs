using DirectiveHub.Text;

namespace DirectiveHub.Organizations;

public static class OrganizationKinds
{
    /// <summary>A unit's kind read from its printed name ("HUYỆN ỦY QUỐC OAI", "BAN TUYÊN GIÁO"), for a received document's issuer.</summary>
    public static OrganizationKind FromName(string name) => VietnameseText.Fold(name) switch
    {
        var n when n.StartsWith("tinh uy", StringComparison.Ordinal) || n.StartsWith("thanh uy", StringComparison.Ordinal) => OrganizationKind.ProvincialCommittee,
        var n when n.StartsWith("huyen uy", StringComparison.Ordinal) || n.StartsWith("quan uy", StringComparison.Ordinal) || n.StartsWith("thi uy", StringComparison.Ordinal) => OrganizationKind.DistrictCommittee,
        var n when n.StartsWith("dang uy", StringComparison.Ordinal) => OrganizationKind.CommuneCommittee,
        var n when n.StartsWith("chi bo", StringComparison.Ordinal) => OrganizationKind.PartyCell,
        var n when n.StartsWith("ban chap hanh trung uong", StringComparison.Ordinal) || n.StartsWith("bo chinh tri", StringComparison.Ordinal) || n.StartsWith("ban bi thu", StringComparison.Ordinal) => OrganizationKind.CentralCommittee,
        var n when n.StartsWith("uy ban nhan dan", StringComparison.Ordinal) || n.StartsWith("hoi dong nhan dan", StringComparison.Ordinal) => OrganizationKind.StateBody,
        _ => OrganizationKind.CommitteeBoard,
    };
}
