using DirectiveHub.Auditing;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class NumberRegisterConfiguration : IEntityTypeConfiguration<NumberRegister>
{
    public void Configure(EntityTypeBuilder<NumberRegister> builder)
    {
        builder.Property(r => r.DocumentType).HasMaxLength(8);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.IssuerId, r.DocumentType, r.IsConfidential, r.PeriodStart }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.IssuerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SweepRunConfiguration : IEntityTypeConfiguration<DirectiveHub.Assignments.SweepRun>
{
    public void Configure(EntityTypeBuilder<DirectiveHub.Assignments.SweepRun> builder)
    {
        builder.Property(r => r.Instance).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => r.StartedAt);
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => new { e.OrganizationId, e.OccurredAt });
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(128);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique();
        builder.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
