using DirectiveHub.Directives;
using DirectiveHub.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class ReceivedPackageConfiguration : IEntityTypeConfiguration<ReceivedPackage>
{
    public void Configure(EntityTypeBuilder<ReceivedPackage> builder)
    {
        builder.Property(p => p.IssuerCode).HasMaxLength(ExchangeCodes.MaxLength);
        builder.Property(p => p.Number).HasMaxLength(80);
        builder.Property(p => p.PeerCode).HasMaxLength(ExchangeCodes.MaxLength);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.SignatureSummary).HasMaxLength(4000);

        // The duplicate rule (issuer + number + date), held by the database so two deliveries at once make one directive.
        builder.HasIndex(p => new { p.IssuerCode, p.Number, p.IssuedOn }).IsUnique();
        builder.HasIndex(p => p.DirectiveId).IsUnique();
        builder.HasOne<Directive>().WithMany().HasForeignKey(p => p.DirectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}
