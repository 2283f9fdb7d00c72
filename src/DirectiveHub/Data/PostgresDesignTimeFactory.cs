using Microsoft.EntityFrameworkCore.Design;

namespace DirectiveHub.Data;

// The EF tools build each provider's model from these; the connection strings are never opened when adding migrations.
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)DatabaseSetup.Create(DatabaseProvider.Postgres, "Host=localhost;Database=directivehub_design");
}
