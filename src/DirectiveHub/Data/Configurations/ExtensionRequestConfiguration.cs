using DirectiveHub.Assignments;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.Property(r => r.DecisionReason).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.HasIndex(r => new { r.TaskAssignmentId, r.RequestedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}
