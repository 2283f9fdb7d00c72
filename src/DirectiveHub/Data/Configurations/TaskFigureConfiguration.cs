using DirectiveHub.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class TaskFigureConfiguration : IEntityTypeConfiguration<TaskFigure>
{
    public void Configure(EntityTypeBuilder<TaskFigure> builder)
    {
        builder.HasKey(f => new { f.IssuerId, f.OrganizationId, f.DocumentType, f.Measure, f.Grain, f.Day });
        builder.Property(f => f.DocumentType).HasMaxLength(8);

        // The figures a subtree received (by unit) rather than issued (by issuer, the key's first column).
        builder.HasIndex(f => new { f.OrganizationId, f.Measure, f.Grain, f.Day });
    }
}
