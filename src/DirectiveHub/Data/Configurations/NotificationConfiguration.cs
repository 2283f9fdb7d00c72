using DirectiveHub.Notifications;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.OrganizationId, n.CreatedAt });
        builder.HasIndex(n => n.CreatedAt);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.HasKey(r => new { r.NotificationId, r.UserId });
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.DedupKey).HasMaxLength(250);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Due");
    }
}
