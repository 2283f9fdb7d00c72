using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.Property(d => d.DocumentType).HasMaxLength(8);
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.IssuerName).HasMaxLength(256);
        builder.Property(d => d.ParentBodyName).HasMaxLength(256);
        builder.Property(d => d.Place).HasMaxLength(128);
        builder.Property(d => d.Subject).HasMaxLength(1000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.ComplexProperty(d => d.Signer, signer =>
        {
            signer.Property(s => s.Authority).HasColumnName("SignerAuthority");
            signer.Property(s => s.Body).HasColumnName("SignerBody").HasMaxLength(256);
            signer.Property(s => s.Position).HasColumnName("SignerPosition").HasMaxLength(256);
            signer.Property(s => s.Name).HasColumnName("SignerName").HasMaxLength(128);
        });

        builder.HasOne(d => d.Issuer).WithMany().HasForeignKey(d => d.IssuerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NumberRegister>().WithMany().HasForeignKey(d => d.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directive>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);

        // A number is issued once per register, whatever happens to the document afterwards.
        builder.HasIndex(d => new { d.RegisterId, d.Sequence }).IsUnique();
        builder.HasIndex(d => new { d.IssuerId, d.Status, d.CreatedAt });
        builder.HasIndex(d => d.SupersedesId);

        // Dashboards and their exports select a period's directives by date.
        builder.HasIndex(d => d.IssuedOn);

        builder.HasMany(d => d.Recipients).WithOne().HasForeignKey(r => r.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Tasks).WithOne().HasForeignKey(t => t.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Distribution).WithOne().HasForeignKey(e => e.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.References).WithOne().HasForeignKey(r => r.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Assignments).WithOne().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.TaskAssignments).WithOne(a => a.Directive).HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DirectiveRecipientConfiguration : IEntityTypeConfiguration<DirectiveRecipient>
{
    public void Configure(EntityTypeBuilder<DirectiveRecipient> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(512);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DistributionEntryConfiguration : IEntityTypeConfiguration<DistributionEntry>
{
    public void Configure(EntityTypeBuilder<DistributionEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(512);
        builder.Property(e => e.Purpose).HasMaxLength(64);
    }
}

public sealed class DirectiveReferenceConfiguration : IEntityTypeConfiguration<DirectiveReference>
{
    public void Configure(EntityTypeBuilder<DirectiveReference> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(64);
        builder.HasOne<Directive>().WithMany().HasForeignKey(r => r.ReferencedDirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReferencedDirectiveId);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(256);
        builder.Property(a => a.ContentType).HasMaxLength(128);
        builder.Property(a => a.StorageKey).HasMaxLength(128);
        builder.Property(a => a.CopyNumber).HasMaxLength(64);
    }
}

public sealed class DirectiveTaskConfiguration : IEntityTypeConfiguration<DirectiveTask>
{
    public void Configure(EntityTypeBuilder<DirectiveTask> builder)
    {
        builder.Property(t => t.Label).HasMaxLength(16);
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Coordinators).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskCoordinatorConfiguration : IEntityTypeConfiguration<TaskCoordinator>
{
    public void Configure(EntityTypeBuilder<TaskCoordinator> builder)
    {
        builder.HasKey(c => new { c.TaskId, c.OrganizationId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
