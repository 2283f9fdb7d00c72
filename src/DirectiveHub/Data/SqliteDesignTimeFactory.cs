using Microsoft.EntityFrameworkCore.Design;

namespace DirectiveHub.Data;

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)DatabaseSetup.Create(DatabaseProvider.Sqlite, "Data Source=design.db");
}
