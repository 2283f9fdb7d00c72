using DirectiveHub.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class StagedImportConfiguration : IEntityTypeConfiguration<StagedImport>
{
    public void Configure(EntityTypeBuilder<StagedImport> builder)
    {
        builder.Property(s => s.FileName).HasMaxLength(256);
        builder.Property(s => s.StorageKey).HasMaxLength(128);
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
        builder.HasIndex(s => s.CreatedAt);
    }
}
