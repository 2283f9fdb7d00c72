using DirectiveHub.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class TrustedRootConfiguration : IEntityTypeConfiguration<TrustedRoot>
{
    public void Configure(EntityTypeBuilder<TrustedRoot> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(512);
        builder.Property(r => r.Thumbprint).HasMaxLength(128);
        builder.HasIndex(r => r.Thumbprint).IsUnique();
    }
}
