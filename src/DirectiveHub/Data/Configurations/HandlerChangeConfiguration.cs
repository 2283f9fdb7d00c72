using DirectiveHub.Assignments;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class HandlerChangeConfiguration : IEntityTypeConfiguration<HandlerChange>
{
    public void Configure(EntityTypeBuilder<HandlerChange> builder)
    {
        builder.HasIndex(c => new { c.TaskAssignmentId, c.AssignedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.HandlerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.FollowerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AssignedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OnBehalfOfUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
