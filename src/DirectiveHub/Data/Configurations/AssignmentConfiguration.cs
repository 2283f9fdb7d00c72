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
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
    }
}

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
        // The receipt-deadline step reads only the assignments still waiting for their unit's receipt.
        builder.HasIndex(a => a.ReceivedOn, "IX_TaskAssignments_ReceiptPending")
            .HasFilter("\"DaysAfterReceipt\" IS NOT NULL AND \"ReceivedOn\" IS NULL");
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(4000);
        builder.HasIndex(r => new { r.TaskAssignmentId, r.ReportedAt });
        // A phone retries a queued report with the same key; the unique index settles two retries racing each other.
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReportedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(256);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.StorageKey).HasMaxLength(128);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(e => e.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
