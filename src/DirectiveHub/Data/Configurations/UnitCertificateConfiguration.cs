using DirectiveHub.Organizations;
using DirectiveHub.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class UnitCertificateConfiguration : IEntityTypeConfiguration<UnitCertificate>
{
    public void Configure(EntityTypeBuilder<UnitCertificate> builder)
    {
        builder.Property(c => c.ProtectedPassword).HasMaxLength(2048);
        builder.Property(c => c.Subject).HasMaxLength(512);
        builder.Property(c => c.Issuer).HasMaxLength(512);
        builder.Property(c => c.Thumbprint).HasMaxLength(128);

        // One certificate signs for a unit at a time; uploading a new one replaces it (the audit trail keeps the history).
        builder.HasIndex(c => c.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
