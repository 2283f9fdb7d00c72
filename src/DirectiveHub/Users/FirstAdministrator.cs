using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Users;

/// <summary>
/// The first administrator of an empty installation, from the CLI (<c>directivehub admin create</c>) or the first-run
/// page; the organization is created as the root of the tree when its code is new.
/// </summary>
public sealed class FirstAdministrator(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<bool> AnyAdministratorAsync(CancellationToken cancellationToken)
    {
        var role = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        return await db.UserRoles.AnyAsync(r => r.RoleId == role, cancellationToken);
    }

    /// <returns>The errors, in Vietnamese or Identity's words; empty when the administrator was created.</returns>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string fullName, string password, string organizationCode, RootOrganization? root, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = organizationCode.Trim().ToUpperInvariant();
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organization is null)
        {
            if (root is null || string.IsNullOrWhiteSpace(root.Name))
            {
                return [$"Chưa có đơn vị mã {code}: cần tên đơn vị để tạo đơn vị gốc."];
            }

            organization = new Organization(code, root.Name, root.Kind, string.IsNullOrWhiteSpace(root.Symbol) ? "TU" : root.Symbol, root.Place, null, DateOnly.FromDateTime(now));
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, FullName = string.IsNullOrWhiteSpace(fullName) ? email.Trim() : fullName.Trim(), OrganizationId = organization.Id, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        db.AuditEvents.Add(new AuditEvent(AuditActions.RoleChanged, nameof(AppUser), user.Id.ToString(), null, actor, organization.Id, null, System.Text.Json.JsonSerializer.Serialize(new { user.Email, Role = Roles.Admin }), now));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
