using DirectiveHub.Directives;
using DirectiveHub.Exchange;
using DirectiveHub.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class OutgoingPackageConfiguration : IEntityTypeConfiguration<OutgoingPackage>
{
    public void Configure(EntityTypeBuilder<OutgoingPackage> builder)
    {
        builder.Property(p => p.PeerCode).HasMaxLength(ExchangeCodes.MaxLength);
        builder.Property(p => p.Units).HasMaxLength(OutgoingPackage.MaxUnitsLength);
        builder.Property(p => p.LastError).HasMaxLength(DeliveryRetry.MaxErrorLength);
        builder.HasIndex(p => new { p.DirectiveId, p.PeerCode }).IsUnique();
        builder.HasIndex(p => p.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutgoingPackages_Due");
        builder.HasOne<Directive>().WithMany().HasForeignKey(p => p.DirectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}
