using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DirectiveRecipientConfiguration : IEntityTypeConfiguration<DirectiveRecipient>
{
    public void Configure(EntityTypeBuilder<DirectiveRecipient> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(512);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
