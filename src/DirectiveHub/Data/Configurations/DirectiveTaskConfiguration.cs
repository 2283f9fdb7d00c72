using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DirectiveTaskConfiguration : IEntityTypeConfiguration<DirectiveTask>
{
    public void Configure(EntityTypeBuilder<DirectiveTask> builder)
    {
        builder.Property(t => t.Label).HasMaxLength(16);
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Coordinators).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
