using System.Security.Cryptography;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub admin create --email E --organization-code C [--organization-name N --kind K --symbol S --place P] [--password-stdin]</c>:
/// the first administrator of an empty database (the organization is created as the root when it does not exist yet).
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, TextReader input, CancellationToken cancellationToken)
    {
        string? Option(string name) => options.ToList().IndexOf(name) is var i and >= 0 && i + 1 < options.Count ? options[i + 1] : null;
        var email = Option("--email");
        var code = Option("--organization-code")?.ToUpperInvariant();
        if (options.Count == 0 || options[0] != "create" || email is null || code is null)
        {
            await app.Error.WriteLineAsync("Usage: directivehub admin create --email E --organization-code C [--organization-name N --kind K --symbol S --place P] [--password-stdin]");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organization is null)
        {
            var name = Option("--organization-name");
            if (name is null || !Enum.TryParse<OrganizationKind>(Option("--kind") ?? "ProvincialCommittee", out var kind))
            {
                await app.Error.WriteLineAsync($"No organization has the code {code}: give --organization-name (and --kind, --symbol, --place) to create it as the root of the tree.");
                return 1;
            }

            organization = new Organization(code, name, kind, Option("--symbol") ?? "TU", Option("--place"), null, DateOnly.FromDateTime(now));
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
        }

        var generated = !options.Contains("--password-stdin");
        var password = generated ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : (await input.ReadLineAsync(cancellationToken))?.Trim() ?? string.Empty;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email, OrganizationId = organization.Id, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!result.Succeeded)
        {
            await app.Error.WriteLineAsync("Could not create the administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        db.AuditEvents.Add(new AuditEvent(AuditActions.RoleChanged, nameof(AppUser), user.Id.ToString(), null, "directivehub admin create", organization.Id, null, System.Text.Json.JsonSerializer.Serialize(new { Email = email, Role = Roles.Admin }), now));
        await db.SaveChangesAsync(cancellationToken);
        await app.Output.WriteLineAsync($"Administrator {email} created for {organization.Name} ({organization.Code}).");
        if (generated)
        {
            // Shown once, to the operator at the console; never logged. Change it after the first sign-in.
            await app.Output.WriteLineAsync($"Temporary password: {password}");
        }

        return 0;
    }
}
