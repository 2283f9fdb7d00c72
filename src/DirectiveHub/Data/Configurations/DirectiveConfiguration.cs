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
