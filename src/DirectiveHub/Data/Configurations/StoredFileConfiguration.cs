using DirectiveHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(32);
        builder.HasMany<StoredFileChunk>().WithOne().HasForeignKey(c => c.FileKey).OnDelete(DeleteBehavior.Cascade);
    }
}
