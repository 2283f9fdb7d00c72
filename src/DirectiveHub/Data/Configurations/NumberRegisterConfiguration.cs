using DirectiveHub.Auditing;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class NumberRegisterConfiguration : IEntityTypeConfiguration<NumberRegister>
{
    public void Configure(EntityTypeBuilder<NumberRegister> builder)
    {
        builder.Property(r => r.DocumentType).HasMaxLength(8);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.IssuerId, r.DocumentType, r.IsConfidential, r.PeriodStart }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.IssuerId).OnDelete(DeleteBehavior.Restrict);
    }
}
