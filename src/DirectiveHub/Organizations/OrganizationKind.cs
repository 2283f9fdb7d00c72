namespace DirectiveHub.Organizations;

/// <summary>The kinds of unit in the Party tree and beside it. The names are part of the API and CSV contract.</summary>
public enum OrganizationKind
{
    CentralCommittee,
    ProvincialCommittee,
    DistrictCommittee,
    CommuneCommittee,
    PartyCell,

    /// <summary>A committee's boards and office (Ban Tổ chức, Ban Dân vận, Văn phòng…), which issue in their own name.</summary>
    CommitteeBoard,

    /// <summary>HĐND and UBND at the same level.</summary>
    StateBody,

    /// <summary>MTTQ and the socio-political organizations.</summary>
    MassOrganization,
}
