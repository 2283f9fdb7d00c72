using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class OrganizationRevisionConfiguration : IEntityTypeConfiguration<OrganizationRevision>
{
    public void Configure(EntityTypeBuilder<OrganizationRevision> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(256);
        builder.Property(r => r.SymbolCode).HasMaxLength(32);
        builder.Property(r => r.Place).HasMaxLength(128);
        builder.Property(r => r.PartyBodyName).HasMaxLength(256);
        builder.Property(r => r.Change).HasMaxLength(32);
        builder.HasIndex(r => new { r.OrganizationId, r.EffectiveFrom });
    }
}
