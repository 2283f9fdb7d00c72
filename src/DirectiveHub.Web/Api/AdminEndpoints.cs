using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Admin;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>/api/admin: the organization tree, users and the audit log, for administrators, each within their own subtree.</summary>
public static class AdminEndpoints
{
    public sealed record ImportResponse(int Created);


    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/organizations", async (CurrentUser user, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var viewer = await user.GetViewerAsync(cancellationToken);
            return TypedResults.Ok(await db.Organizations.AsNoTracking().VisibleTo(viewer).OrderBy(o => o.Path)
                .Select(o => new OrganizationEndpoints.OrganizationSummary(o.Id, o.Code, o.Name, o.Kind.ToString(), o.ParentId))
                .ToListAsync(cancellationToken));
        });
        admin.MapPost("/organizations", CreateOrganizationEndpointAsync);
        admin.MapPost("/organizations/import", ImportAsync).Accepts<string>("text/csv", "text/plain");
        admin.MapGet("/users", ListUsersAsync);
        admin.MapPost("/users", InviteUserAsync);
        admin.MapPut("/users/{id:guid}", UpdateUserAsync);
        admin.MapDelete("/users/{id:guid}/sessions", EndUserSessionsAsync);
        admin.MapGet("/audit", AuditAsync);
        return api;
    }

    /// <summary>The whole file is checked first; any bad row means nothing is created and every error comes back with its line.</summary>
    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = await OrganizationAdministration.ImportCsvAsync(db, await user.GetViewerAsync(cancellationToken), user.Actor, text, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ImportResponse(result.Created))
            : TypedResults.Problem(
                title: "Tệp có lỗi; chưa đơn vị nào được tạo.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    /// <summary>One unit, checked by the same rules as a CSV row; errors come back per field.</summary>
    private static async Task<Results<Created<OrganizationEndpoints.OrganizationSummary>, ValidationProblem>> CreateOrganizationEndpointAsync(
        NewOrganization unit, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await OrganizationAdministration.CreateAsync(db, await user.GetViewerAsync(cancellationToken), user.Actor, unit, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field ?? string.Empty).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Dữ liệu không hợp lệ.");
        }

        var code = unit.Code.Trim().ToUpperInvariant();
        var created = await db.Organizations.AsNoTracking().SingleAsync(o => o.Code == code, cancellationToken);
        return TypedResults.Created($"/api/organizations/{created.Id}", new OrganizationEndpoints.OrganizationSummary(created.Id, created.Code, created.Name, created.Kind.ToString(), created.ParentId));
    }

    private static async Task<Ok<List<UserRow>>> ListUsersAsync(
        string? q, string? role, Guid? organizationId, int? skip, int? take, CurrentUser user, UserAdministration administration, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        return TypedResults.Ok(await administration.Query(viewer, q, role, organizationId)
            .Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(take ?? 100, 1, 500)).ToListAsync(cancellationToken));
    }

    /// <summary>Creates the account and sends the one-time set-password link; the response never carries a password or token.</summary>
    private static async Task<Results<Created<UserRow>, ValidationProblem>> InviteUserAsync(
        UserInput input, CurrentUser user, UserAdministration administration, LinkGenerator links, HttpContext http, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var outcome = await administration.InviteAsync(viewer, input, (target, token) => SetPasswordLink(links, http, target, token), cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToCamelCaseKeys(), title: "Dữ liệu không hợp lệ.");
        }

        var row = await administration.Query(viewer, null, null, null).SingleAsync(u => u.Id == outcome.User!.Id, cancellationToken);
        return TypedResults.Created($"/api/admin/users/{row.Id}", row);
    }

    public sealed record UserChange(Guid OrganizationId, List<string> Roles);

    private static async Task<Results<Ok<UserRow>, ValidationProblem, NotFound>> UpdateUserAsync(
        Guid id, UserChange change, CurrentUser user, UserAdministration administration, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var target = await administration.FindAsync(viewer, id, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = await administration.UpdateAsync(viewer, target, change.OrganizationId, change.Roles ?? [], cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToCamelCaseKeys(), title: "Dữ liệu không hợp lệ.");
        }

        return TypedResults.Ok(await administration.Query(viewer, null, null, null).SingleAsync(u => u.Id == id, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> EndUserSessionsAsync(
        Guid id, CurrentUser user, UserAdministration administration, AccountSessions sessions, AuditTrail audit, AppDbContext db, CancellationToken cancellationToken)
    {
        var target = await administration.FindAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        await sessions.EndAllAsync(target, cancellationToken);
        audit.Record(AuditActions.SessionsEnded, nameof(AppUser), target.Id.ToString(), new { By = "administrator" });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static string SetPasswordLink(LinkGenerator links, HttpContext http, AppUser target, string token) =>
        links.GetUriByPage(http, "/Account/SetPassword", handler: null, values: new { userId = target.Id, token })
        ?? throw new InvalidOperationException("The set-password page has no route.");

    private static async Task<IResult> AuditAsync(
        Guid? userId, Guid? organizationId, string? entityType, DateOnly? from, DateOnly? to, string? format,
        CurrentUser user, AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await AuditLog.Query(db, await user.GetViewerAsync(cancellationToken), userId, organizationId, entityType, from, to)
            .Take(format == "csv" ? 100_000 : 500)
            .ToListAsync(cancellationToken);
        return format == "csv"
            ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditLog.Csv(rows))).ToArray(), "text/csv; charset=utf-8", "nhat-ky.csv")
            : Results.Ok(rows);
    }

}
