using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> builder)
    {
        builder.HasIndex(a => new { a.TaskId, a.OrganizationId }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Status });
        // The overdue sweep reads only open, unflagged assignments by deadline: a partial index keeps its cost
        // proportional to what is still pending, not to ten years of history.
        builder.HasIndex(a => a.Deadline)
            .HasFilter("\"OverdueFlaggedAt\" IS NULL AND \"Status\" NOT IN ('Done', 'DoneLate')")
            .HasDatabaseName("IX_TaskAssignments_Deadline_Open");
        // The alert ladder reads outstanding assignments by deadline that have not reached special red: without this
        // index every sweep rereads years of old overdue work that has nothing more to be told. Its filter repeats the
        // sweep's own conditions (OverdueSweep) so that PostgreSQL can prove the index applies.
        builder.HasIndex(a => a.Deadline, "IX_TaskAssignments_Deadline_Alerting")
            .HasFilter("\"Deadline\" IS NOT NULL AND \"Status\" NOT IN ('Done', 'DoneLate', 'Cancelled', 'AwaitingConfirmation') AND (\"AlertedLevel\" IS NULL OR \"AlertedLevel\" <> 'SpecialRed')");
        // The receipt-deadline step reads only the assignments still waiting for their unit's receipt.
        builder.HasIndex(a => a.ReceivedOn, "IX_TaskAssignments_ReceiptPending")
            .HasFilter("\"DaysAfterReceipt\" IS NOT NULL AND \"ReceivedOn\" IS NULL");
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.ExtensionRequests).WithOne().HasForeignKey(r => r.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Urgings).WithOne().HasForeignKey(u => u.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.HandlerChanges).WithOne().HasForeignKey(c => c.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.HandlerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.FollowerUserId).OnDelete(DeleteBehavior.Restrict);

        // Every decision (review, extension, cancellation, urging) bumps it: two clerks deciding at once, one loses.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.CancellationReason).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.HasOne<TaskAssignment>().WithMany().HasForeignKey(a => a.ReassignedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AcceptedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CancelledById).OnDelete(DeleteBehavior.Restrict);
    }
}
