using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using DirectiveHub.Web.Pages.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>/api/admin: the organization tree, users and the audit log, for administrators, each within their own subtree.</summary>
public static class AdminEndpoints
{
    public sealed record ImportResponse(int Created);

    public sealed record ImportProblem(string Title, IReadOnlyList<CsvError> Errors);

    public sealed record AuditRow(long Id, DateTime OccurredAt, string Action, string EntityType, string? EntityId, string? UserName, Guid? OrganizationId, string? IpAddress, string? Details);

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
    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = await ImportCsvAsync(text, user, db, audit, clock, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ImportResponse(result.Created))
            : TypedResults.Problem(
                title: "Tệp có lỗi; chưa đơn vị nào được tạo.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    /// <summary>One unit, checked by the same rules as a CSV row; errors come back per field.</summary>
    private static async Task<Results<Created<OrganizationEndpoints.OrganizationSummary>, ValidationProblem>> CreateOrganizationEndpointAsync(
        NewOrganization unit, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await CreateOrganizationAsync(unit, user, db, audit, clock, cancellationToken);
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

    public static async Task<CsvImportResult> CreateOrganizationAsync(NewOrganization unit, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var result = await OrganizationCsv.CreateAsync(db, unit, await ScopePathAsync(db, viewer, cancellationToken), VietnamTime.Today(clock), cancellationToken);
        if (result.Succeeded)
        {
            audit.Record(AuditActions.Created, nameof(Organization), null, new { Code = unit.Code.Trim().ToUpperInvariant(), unit.Name, Parent = unit.ParentCode });
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
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

    /// <summary>An administrator at the root of the tree may add new roots; any other only beneath their own unit.</summary>
    private static async Task<string?> ScopePathAsync(AppDbContext db, Viewer viewer, CancellationToken cancellationToken) =>
        await db.Organizations.AnyAsync(o => o.Id == viewer.OrganizationId && o.ParentId == null, cancellationToken) ? null : viewer.OrganizationPath;

    public static async Task<CsvImportResult> ImportCsvAsync(string text, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var result = await OrganizationCsv.ImportAsync(db, text, await ScopePathAsync(db, viewer, cancellationToken), VietnamTime.Today(clock), cancellationToken);
        if (result.Succeeded)
        {
            audit.Record(AuditActions.Created, "Organization", null, new { Imported = result.Created });
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private static async Task<IResult> AuditAsync(
        Guid? userId, Guid? organizationId, string? entityType, DateOnly? from, DateOnly? to, string? format,
        CurrentUser user, AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await AuditQuery(db, await user.GetViewerAsync(cancellationToken), userId, organizationId, entityType, from, to)
            .Take(format == "csv" ? 100_000 : 500)
            .ToListAsync(cancellationToken);
        return format == "csv"
            ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditCsv(rows))).ToArray(), "text/csv; charset=utf-8", "nhat-ky.csv")
            : Results.Ok(rows);
    }

    /// <summary>Audit events of the administrator's subtree (and their own), newest first.</summary>
    public static IQueryable<AuditRow> AuditQuery(AppDbContext db, Viewer viewer, Guid? userId, Guid? organizationId, string? entityType, DateOnly? from, DateOnly? to)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.OrganizationId != null && units.Contains(e.OrganizationId.Value));
        if (userId is { } u)
        {
            events = events.Where(e => e.UserId == u);
        }

        if (organizationId is { } o)
        {
            events = events.Where(e => e.OrganizationId == o);
        }

        if (!string.IsNullOrWhiteSpace(entityType))
        {
            events = events.Where(e => e.EntityType == entityType);
        }

        if (from is { } f)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (to is { } t)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
            events = events.Where(e => e.OccurredAt < end);
        }

        return events.OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.OccurredAt, e.Action, e.EntityType, e.EntityId, e.UserName, e.OrganizationId, e.IpAddress, e.Details));
    }

    // A cell starting with = + - @ is a formula to a spreadsheet; a user-typed name must never run as one.
    private static string NoFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    public static string AuditCsv(IEnumerable<AuditRow> rows)
    {
        var text = new StringBuilder("Thời điểm,Hành động,Đối tượng,Mã đối tượng,Người thực hiện,Đơn vị,Địa chỉ IP,Chi tiết\n");
        foreach (var r in rows)
        {
            text.AppendLine(string.Join(',', new[] { VietnamTime.ShortDateTime(r.OccurredAt), r.Action, r.EntityType, r.EntityId ?? "", r.UserName ?? "", r.OrganizationId?.ToString() ?? "", r.IpAddress ?? "", r.Details ?? "" }.Select(NoFormula).Select(OrganizationCsv.Quote)));
        }

        return text.ToString();
    }
}
