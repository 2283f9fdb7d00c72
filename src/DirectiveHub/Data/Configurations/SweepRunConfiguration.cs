using DirectiveHub.Auditing;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class SweepRunConfiguration : IEntityTypeConfiguration<DirectiveHub.Assignments.SweepRun>
{
    public void Configure(EntityTypeBuilder<DirectiveHub.Assignments.SweepRun> builder)
    {
        builder.Property(r => r.Instance).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => r.StartedAt);
    }
}
