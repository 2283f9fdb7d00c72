using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class SubstitutionConfiguration : IEntityTypeConfiguration<Substitution>
{
    public void Configure(EntityTypeBuilder<Substitution> builder)
    {
        // Both questions asked on every request of a to-do list or a report: whom do I stand in for, who stands in for Y.
        builder.HasIndex(s => new { s.SubstituteUserId, s.To });
        builder.HasIndex(s => new { s.AbsentUserId, s.To });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.AbsentUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SubstituteUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
