using DirectiveHub.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class ExchangePeerRecordConfiguration : IEntityTypeConfiguration<ExchangePeerRecord>
{
    public void Configure(EntityTypeBuilder<ExchangePeerRecord> builder)
    {
        builder.ToTable("ExchangePeers");
        builder.Property(p => p.Code).HasMaxLength(ExchangeCodes.MaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(ExchangePeerRecord.MaxNameLength);
        builder.Property(p => p.Url).HasMaxLength(ExchangePeerRecord.MaxUrlLength);
        builder.Property(p => p.KeySha256).HasMaxLength(64);
        builder.Property(p => p.KeyHint).HasMaxLength(4);
        builder.Property(p => p.OutboundKeyProtected).HasMaxLength(4000);
        builder.Property(p => p.Units).HasMaxLength(ExchangePeerRecord.MaxUnitsLength);
        builder.Ignore(p => p.UnitList);
    }
}
