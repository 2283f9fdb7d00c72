using DirectiveHub.Directives;
using DirectiveHub.Printing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class RecordCopyConfiguration : IEntityTypeConfiguration<RecordCopy>
{
    public void Configure(EntityTypeBuilder<RecordCopy> builder)
    {
        builder.HasKey(c => c.DirectiveId);
        builder.Property(c => c.StorageKey).HasMaxLength(64);
        builder.Property(c => c.FileName).HasMaxLength(128);
        builder.Property(c => c.Sha256).HasMaxLength(64);
        builder.Property(c => c.SignedBy).HasMaxLength(512);
        builder.Property(c => c.CertificateThumbprint).HasMaxLength(128);
        builder.HasOne<Directive>().WithOne().HasForeignKey<RecordCopy>(c => c.DirectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}
