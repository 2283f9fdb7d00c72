using DirectiveHub.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DirectiveFigureConfiguration : IEntityTypeConfiguration<DirectiveFigure>
{
    public void Configure(EntityTypeBuilder<DirectiveFigure> builder)
    {
        // No foreign key to the directive: a deleted draft's rows must stay until the refresh subtracts them.
        builder.HasKey(f => new { f.DirectiveId, f.OrganizationId, f.Measure, f.Day });
        builder.Property(f => f.DocumentType).HasMaxLength(8);
    }
}
