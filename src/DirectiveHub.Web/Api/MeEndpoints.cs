using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

public static class MeEndpoints
{
    public sealed record MeResponse(string? Email, Guid OrganizationId, string OrganizationName, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (CurrentUser user, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var organizationName = await db.Organizations
                .Where(o => o.Id == user.OrganizationId)
                .Select(o => o.Name)
                .SingleAsync(cancellationToken);
            var roles = user.Principal.Claims
                .Where(c => c.Type == System.Security.Claims.ClaimTypes.Role)
                .Select(c => c.Value)
                .Order(StringComparer.Ordinal)
                .ToList();
            return TypedResults.Ok(new MeResponse(user.Email, user.OrganizationId, organizationName, roles));
        }).WithTags("Me");

        // Ends every session of the caller (this token included) and makes every refresh token useless.
        api.MapDelete("/me/sessions", async (CurrentUser user, Microsoft.AspNetCore.Identity.UserManager<DirectiveHub.Users.AppUser> users, AccountSessions sessions, AuditTrail audit, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var account = await users.GetUserAsync(user.Principal);
            if (account is null)
            {
                return Results.Unauthorized();
            }

            await sessions.EndAllAsync(account, cancellationToken);
            audit.Record(DirectiveHub.Auditing.AuditActions.SessionsEnded, nameof(DirectiveHub.Users.AppUser), account.Id.ToString(), new { By = "self" });
            await db.SaveChangesAsync(cancellationToken);
            return Results.NoContent();
        }).WithTags("Me");
        return api;
    }
}
