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
    }
}
