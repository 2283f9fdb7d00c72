using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class TaskCoordinatorConfiguration : IEntityTypeConfiguration<TaskCoordinator>
{
    public void Configure(EntityTypeBuilder<TaskCoordinator> builder)
    {
        builder.HasKey(c => new { c.TaskId, c.OrganizationId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
