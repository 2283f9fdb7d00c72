using DirectiveHub.Exchange;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class OutgoingStatusConfiguration : IEntityTypeConfiguration<OutgoingStatus>
{
    public void Configure(EntityTypeBuilder<OutgoingStatus> builder)
    {
        builder.Property(s => s.StatusCode).HasMaxLength(2);
        builder.Property(s => s.PeerCode).HasMaxLength(ExchangeCodes.MaxLength);
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.HasIndex(s => new { s.ReceivedPackageId, s.OrganizationId, s.StatusCode }).IsUnique();
        builder.HasIndex(s => s.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutgoingStatuses_Due");
        builder.HasOne<ReceivedPackage>().WithMany().HasForeignKey(s => s.ReceivedPackageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
