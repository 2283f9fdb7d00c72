using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(256);
        builder.Property(a => a.ContentType).HasMaxLength(128);
        builder.Property(a => a.StorageKey).HasMaxLength(128);
        builder.Property(a => a.CopyNumber).HasMaxLength(64);
        builder.Property(a => a.SignedBy).HasMaxLength(Attachment.MaxSignerLength);
        builder.Property(a => a.SignatureSummary).HasMaxLength(Signing.PdfSignatures.MaxSummaryLength);
    }
}
