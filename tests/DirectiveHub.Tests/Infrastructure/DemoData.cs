using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>An extra account with the demo password, in the unit with <paramref name="organizationCode"/>.</summary>
    public static async Task<Guid> CreateUserAsync(this PostgresAppFixture app, string email, string organizationCode, params string[] roles)
    {
        var organizationId = await app.OrganizationAsync(organizationCode);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, FullName = email, OrganizationId = organizationId, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user.Id;
    }

    public static async Task<T> QueryAsync<T>(this PostgresAppFixture app, Func<AppDbContext, Task<T>> query)
    {
        await using var db = app.CreateDbContext();
        return await query(db);
    }
}
