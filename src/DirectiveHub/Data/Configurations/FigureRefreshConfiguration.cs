using DirectiveHub.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class FigureRefreshConfiguration : IEntityTypeConfiguration<FigureRefresh>
{
    public void Configure(EntityTypeBuilder<FigureRefresh> builder) => builder.HasIndex(f => f.DirectiveId);
}
