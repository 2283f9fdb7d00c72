using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.HasIndex(a => new { a.DirectiveId, a.OrganizationId }).IsUnique();

        // Acknowledgment is recorded once: a second, concurrent one finds the column no longer empty and loses.
        builder.Property(a => a.AcknowledgedAt).IsConcurrencyToken();
        builder.HasIndex(a => new { a.OrganizationId, a.AcknowledgedAt });
        builder.HasIndex(a => a.AcknowledgmentKey).IsUnique();
        // An arrival number is given once per unit and year: a second receipt with it is a numbering bug, refused here.
        builder.HasIndex(a => new { a.OrganizationId, a.ArrivalYear, a.ArrivalNumber }).IsUnique();
        builder.Property(a => a.Instruction).HasMaxLength(Assignment.MaxInstructionLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.InstructedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
    }
}
