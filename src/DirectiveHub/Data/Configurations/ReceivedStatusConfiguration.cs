using DirectiveHub.Directives;
using DirectiveHub.Exchange;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class ReceivedStatusConfiguration : IEntityTypeConfiguration<ReceivedStatus>
{
    public void Configure(EntityTypeBuilder<ReceivedStatus> builder)
    {
        builder.Property(s => s.UnitCode).HasMaxLength(ExchangeCodes.MaxLength);
        builder.Property(s => s.StatusCode).HasMaxLength(2);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Staff).HasMaxLength(256);
        builder.Property(s => s.PeerCode).HasMaxLength(ExchangeCodes.MaxLength);

        // A status sent twice (a retry, the folder and HTTP both) is applied once.
        builder.HasIndex(s => new { s.DirectiveId, s.OrganizationId, s.StatusCode }).IsUnique();
        builder.HasOne<Directive>().WithMany().HasForeignKey(s => s.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
