using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Data;

/// <summary>Holds the PostgreSQL migrations and the PostgreSQL-only parts of the model.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");

        // Substring search over the folded text ("phong chong dich" in any directive) needs a trigram index:
        // a b-tree cannot serve LIKE '%…%'.
        builder.Entity<Directive>()
            .HasIndex(d => d.SearchText)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops")
            .HasDatabaseName("IX_Directives_SearchText_trgm");

        // Dashboards aggregate a period's directives and their rows: covering indexes let PostgreSQL answer from the
        // index alone instead of visiting a million wide rows (docs/benchmarks.md).
        builder.Entity<Directive>().HasIndex(d => d.IssuedOn).IncludeProperties(d => new { d.IssuerId, d.Status, d.DocumentType });
        builder.Entity<Assignments.TaskAssignment>().HasIndex(t => t.DirectiveId).IncludeProperties(t => new { t.OrganizationId, t.Status, t.Deadline });
        builder.Entity<Assignments.Assignment>().HasIndex(a => new { a.DirectiveId, a.OrganizationId }).IncludeProperties(a => a.AcknowledgedAt);

        // An office's outgoing list, newest first, read in index order until the page is full (with a search too).
        builder.Entity<Directive>().HasIndex(d => new { d.IssuerId, d.IssuedOn, d.Sequence, d.CreatedAt }).HasDatabaseName("IX_Directives_Issuer_NewestFirst");

        // A unit's inbox in order (unacknowledged, urgency, date) from the index alone.
        builder.Entity<Assignments.Assignment>().HasIndex(a => new { a.OrganizationId, a.AcknowledgedAt }).IncludeProperties(a => new { a.DirectiveId, a.IssuedOn, a.Urgency });
    }
}
