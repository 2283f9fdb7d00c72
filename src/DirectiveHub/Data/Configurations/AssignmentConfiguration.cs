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
        builder.HasMany(a => a.ExtensionRequests).WithOne().HasForeignKey(r => r.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Urgings).WithOne().HasForeignKey(u => u.TaskAssignmentId).OnDelete(DeleteBehavior.Cascade);

        // Every decision (review, extension, cancellation, urging) bumps it: two clerks deciding at once, one loses.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.CancellationReason).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.HasOne<TaskAssignment>().WithMany().HasForeignKey(a => a.ReassignedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AcceptedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CancelledById).OnDelete(DeleteBehavior.Restrict);
    }
}

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

public sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(ProgressReport.MaxNoteLength);
        builder.Property(r => r.ResultNumber).HasMaxLength(ResultDocument.MaxNumberLength);
        builder.Property(r => r.ReviewNote).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewedById).OnDelete(DeleteBehavior.Restrict);
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
