using DirectiveHub.Directives;
using DirectiveHub.Reports;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>
/// Periodic reports: POST /api/reports/periodic freezes a unit's report for a period ("Chốt số liệu") and answers
/// with the stored figures; GET /api/reports/periodic/{id} returns the frozen report as stored, never recomputed.
/// </summary>
public static class ReportEndpoints
{
    public sealed record FreezeRequest(Guid? OrganizationId, string? Period);

    public sealed record FiguresDto(IReadOnlyList<ReportUnitFigures> Units, ReportUnitFigures Total);

    public sealed record ListsDto(IReadOnlyList<ReportTaskLine> AssignedInPeriod, IReadOnlyList<ReportTaskLine> DoneInPeriod, IReadOnlyList<ReportTaskLine> DueInPeriod, IReadOnlyList<ReportTaskLine> OpenAtEnd);

    public sealed record PeriodicReportDto(
        Guid Id,
        Guid OrganizationId,
        string OrganizationName,
        string Period,
        string PeriodTitle,
        DateOnly From,
        DateOnly To,
        DateOnly AsOf,
        DateTime FrozenAt,
        string FrozenBy,
        string? Number,
        DateOnly? IssuedOn,
        FiguresDto Figures,
        ListsDto Lists);

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/reports/periodic", FreezeAsync).WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Clerk, Roles.Admin));
        api.MapGet("/reports/periodic/{id:guid}", GetAsync).WithTags("Reports");
        api.MapPost("/reports/periodic/{id:guid}/issue", IssueAsync).WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        return api;
    }

    private static async Task<Results<Created<PeriodicReportDto>, NotFound, ValidationProblem>> FreezeAsync(FreezeRequest request, PeriodicReports reports, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(request.Period);
        if (period is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["Kỳ báo cáo có dạng 2026-11 (tháng), 2026-Q4 (quý), 2026-H2 (6 tháng) hoặc 2026 (năm)."] }, title: "Dữ liệu không hợp lệ.");
        }

        var report = await reports.FreezeAsync(await user.GetViewerAsync(cancellationToken), Actor(user, http), request.OrganizationId ?? user.OrganizationId, period, cancellationToken);
        return report is null ? TypedResults.NotFound() : TypedResults.Created($"/api/reports/periodic/{report.Id}", Dto(report));
    }

    private static async Task<Results<Ok<PeriodicReportDto>, NotFound>> GetAsync(Guid id, PeriodicReports reports, CurrentUser user, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(report));
    }

    private static async Task<Results<Ok<PeriodicReportDto>, NotFound, ProblemHttpResult>> IssueAsync(Guid id, PeriodicReports reports, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var report = await reports.IssueAsync(await user.GetViewerAsync(cancellationToken), Actor(user, http), id, cancellationToken);
            return report is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(report));
        }
        catch (DomainException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static PeriodicReportDto Dto(PeriodicReport report)
    {
        var c = report.Content;
        return new PeriodicReportDto(
            report.Id, c.OrganizationId, c.OrganizationName, c.PeriodCode, c.PeriodTitle, c.From, c.To, c.AsOf, report.FrozenAt, report.FrozenByName, report.Number, report.IssuedOn,
            new FiguresDto(c.Units, c.Total),
            new ListsDto(c.AssignedInPeriod, c.DoneInPeriod, c.DueInPeriod, c.OpenAtEnd));
    }

    private static Actor Actor(CurrentUser user, HttpContext http) => new(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
}
