using DirectiveHub.Assignments;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class UrgingConfiguration : IEntityTypeConfiguration<Urging>
{
    public void Configure(EntityTypeBuilder<Urging> builder)
    {
        builder.Property(u => u.Text).HasMaxLength(Urging.MaxTextLength);
        builder.HasIndex(u => new { u.TaskAssignmentId, u.SentAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.SentById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.SentByOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
