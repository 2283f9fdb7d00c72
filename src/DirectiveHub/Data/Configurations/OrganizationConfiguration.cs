using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.ExchangeCode).HasMaxLength(Exchange.ExchangeCodes.MaxLength);
        builder.HasIndex(o => o.ExchangeCode).IsUnique();
        builder.Ignore(o => o.EffectiveExchangeCode);
        builder.Property(o => o.Name).HasMaxLength(256);
        builder.Property(o => o.SymbolCode).HasMaxLength(32);
        builder.Property(o => o.Place).HasMaxLength(128);
        builder.Property(o => o.PartyBodyName).HasMaxLength(256);
        builder.Property(o => o.Path).HasMaxLength(1024);
        builder.HasIndex(o => o.Path);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Revisions).WithOne().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Revisions).AutoInclude();
    }
}
