using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>Ids of the seeded demo organizations and directives, looked up by their stable codes and numbers.</summary>
public static class DemoData
{
    public static async Task<Guid> OrganizationAsync(this PostgresAppFixture app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<Guid> DirectiveAsync(this PostgresAppFixture app, string number)
    {
        await using var db = app.CreateDbContext();
        return await db.Directives.Where(d => d.Number == number).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<T> QueryAsync<T>(this PostgresAppFixture app, Func<AppDbContext, Task<T>> query)
    {
        await using var db = app.CreateDbContext();
        return await query(db);
    }
}
