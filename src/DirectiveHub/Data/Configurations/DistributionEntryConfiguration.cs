using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DistributionEntryConfiguration : IEntityTypeConfiguration<DistributionEntry>
{
    public void Configure(EntityTypeBuilder<DistributionEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(512);
        builder.Property(e => e.Purpose).HasMaxLength(64);
    }
}
