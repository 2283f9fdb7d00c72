using DirectiveHub.Directives;
using DirectiveHub.Organizations;

namespace DirectiveHub.Tests.Domain;

/// <summary>Where a unit's file copy is kept when its earlier documents do not say ("Lưu: VPHU").</summary>
public sealed class FileCopyTests
{
    [Theory]
    [InlineData(OrganizationKind.DistrictCommittee, "HU", "VPHU")]
    [InlineData(OrganizationKind.ProvincialCommittee, "TU", "VPTU")]
    [InlineData(OrganizationKind.CommuneCommittee, "ĐU", "VPĐU")]
    [InlineData(OrganizationKind.CommitteeBoard, "BDVHU", "BDVHU")]
    [InlineData(OrganizationKind.CommitteeBoard, "VPHU", "VPHU")]
    [InlineData(OrganizationKind.MassOrganization, "MTTQ", "MTTQ")]
    [InlineData(OrganizationKind.DistrictCommittee, " ", "Văn phòng")]
    public void A_committees_copy_is_kept_by_its_office_and_any_other_unit_keeps_its_own(OrganizationKind kind, string code, string expected)
    {
        Assert.Equal(new DistributionContent(expected, "Lưu"), FileCopy.DefaultFor(kind, code));
    }
}
