using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DirectiveReferenceConfiguration : IEntityTypeConfiguration<DirectiveReference>
{
    public void Configure(EntityTypeBuilder<DirectiveReference> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(64);
        builder.HasOne<Directive>().WithMany().HasForeignKey(r => r.ReferencedDirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReferencedDirectiveId);
    }
}
