using DirectiveHub.Organizations;
using DirectiveHub.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class PeriodicReportConfiguration : IEntityTypeConfiguration<PeriodicReport>
{
    public void Configure(EntityTypeBuilder<PeriodicReport> builder)
    {
        builder.Property(r => r.PeriodCode).HasMaxLength(16);
        builder.Property(r => r.FrozenByName).HasMaxLength(256);
        builder.Property(r => r.Number).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Content);
        builder.HasIndex(r => new { r.OrganizationId, r.FrozenAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
