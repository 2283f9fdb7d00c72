using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>/api/admin: the organization tree and the audit log, for administrators, each within their own subtree.</summary>
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
        admin.MapPost("/organizations/import", ImportAsync).Accepts<string>("text/csv", "text/plain");
        admin.MapGet("/audit", AuditAsync);
        return api;
    }

    /// <summary>The whole file is checked first; any bad row means nothing is created and every error comes back with its line.</summary>
    public static async Task<Results<Ok<ImportResponse>, BadRequest<ImportProblem>>> ImportAsync(HttpRequest request, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = await ImportCsvAsync(text, user, db, audit, clock, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ImportResponse(result.Created))
            : TypedResults.BadRequest(new ImportProblem("Tệp có lỗi; chưa đơn vị nào được tạo.", result.Errors));
    }

    public static async Task<CsvImportResult> ImportCsvAsync(string text, CurrentUser user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);

        // An administrator at the root of the tree may add new roots; any other only beneath their own unit.
        var isRoot = await db.Organizations.AnyAsync(o => o.Id == viewer.OrganizationId && o.ParentId == null, cancellationToken);
        var result = await OrganizationCsv.ImportAsync(db, text, isRoot ? null : viewer.OrganizationPath, VietnamTime.Today(clock), cancellationToken);
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
