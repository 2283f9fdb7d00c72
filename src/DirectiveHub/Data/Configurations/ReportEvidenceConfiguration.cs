using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(256);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.StorageKey).HasMaxLength(128);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(e => e.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
