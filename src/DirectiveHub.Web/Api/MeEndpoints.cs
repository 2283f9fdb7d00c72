using DirectiveHub;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

public static class MeEndpoints
{
    public sealed record SubstituteBody(Guid? SubstituteUserId, DateOnly? From, DateOnly? To);

    public sealed record SubstituteCreated(Guid Id);

    public sealed record SubstitutesEnded(int Count);

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
        // X thay Y: the caller names a colleague of their unit to act for them while away, lists and ends them.
        api.MapGet("/me/substitutes", async (CurrentUser user, Substitutes substitutes, CancellationToken cancellationToken) =>
            TypedResults.Ok(await substitutes.ListAsync(user.Id, cancellationToken))).WithTags("Me");
        api.MapPost("/me/substitutes", async (SubstituteBody request, CurrentUser user, Substitutes substitutes, HttpContext http, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (request.SubstituteUserId is null)
            {
                errors["substituteUserId"] = ["Cần chọn người thay."];
            }

            if (request.From is null)
            {
                errors["from"] = ["Cần có ngày bắt đầu (yyyy-MM-dd)."];
            }

            if (request.To is null)
            {
                errors["to"] = ["Cần có ngày kết thúc (yyyy-MM-dd)."];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
            }

            try
            {
                var created = await substitutes.NameAsync(Actor(user, http), request.SubstituteUserId!.Value, request.From!.Value, request.To!.Value, cancellationToken);
                return Results.Created($"/api/me/substitutes/{created.Id}", new SubstituteCreated(created.Id));
            }
            catch (DomainException rule) when (rule.Field is { } field)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [rule.Message] }, title: "Dữ liệu không hợp lệ.");
            }
        }).WithTags("Me");
        api.MapDelete("/me/substitutes", async (CurrentUser user, Substitutes substitutes, HttpContext http, CancellationToken cancellationToken) =>
            TypedResults.Ok(new SubstitutesEnded(await substitutes.EndAllAsync(Actor(user, http), cancellationToken)))).WithTags("Me");
        api.MapDelete("/me/substitutes/{id:guid}", async (Guid id, CurrentUser user, Substitutes substitutes, HttpContext http, CancellationToken cancellationToken) =>
        {
            try
            {
                return await substitutes.EndAsync(Actor(user, http), id, cancellationToken) ? Results.NoContent() : Results.NotFound();
            }
            catch (DomainException rule)
            {
                return Results.Problem(rule.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).WithTags("Me");
        return api;
    }

    private static Actor Actor(CurrentUser user, HttpContext http) => new(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
}
