using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

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
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OnBehalfOfUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
