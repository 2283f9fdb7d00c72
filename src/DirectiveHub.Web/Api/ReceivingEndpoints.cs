using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Inbox;
using DirectiveHub.Time;
using DirectiveHub.Tracking;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>The receiving side: inbox, acknowledgment, progress reports, and tracking for the issuer.</summary>
public static class ReceivingEndpoints
{
    public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Page, int PageSize, int Total);

    public sealed record AcknowledgeResponse(DateTime AcknowledgedAt, string? AcknowledgedBy, Guid AcknowledgedById);

    public sealed record ReportRequest(ProgressStatus? Status, string? Note);

    public sealed record ReportResponse(Guid Id, Guid TaskAssignmentId, string Status, string? Note, DateTime ReportedAt);

    public sealed record TrackingResponse(IReadOnlyList<TrackingRecipientDto> Recipients, IReadOnlyList<TrackingTaskDto> Tasks, IReadOnlyList<ImplementedByDto> ImplementedBy);

    public sealed record TrackingRecipientDto(Guid OrganizationId, string Name, DateTime? AcknowledgedAt);

    public sealed record TrackingTaskDto(Guid TaskId, string Label, DateOnly? Deadline, IReadOnlyList<TrackingAssignmentDto> Assignments, DirectiveDto.DeadlineAfterReceiptItem? DeadlineAfterReceipt);

    public sealed record TrackingAssignmentDto(Guid TaskAssignmentId, Guid OrganizationId, string Role, string Status, bool Overdue, DateTime? LastReportAt, DateOnly? Deadline, bool DeadlinePending, DateOnly? ReceivedOn);

    public sealed record ImplementedByDto(Guid DirectiveId, string? Number, Guid OrganizationId, int Total, int Done, int Overdue, Guid ImplementsDirectiveId);

    public static RouteGroupBuilder MapReceivingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox", InboxAsync).WithTags("Inbox");
        api.MapPost("/directives/{id:guid}/acknowledge", AcknowledgeAsync).WithTags("Inbox");
        api.MapPost("/task-assignments/{id:guid}/reports", ReportAsync).WithTags("Inbox");
        api.MapGet("/directives/{id:guid}/tracking", TrackingAsync).WithTags("Tracking");
        return api;
    }

    /// <param name="organizationId">A unit beneath the caller's committee (clerks and leaders); the caller's own unit by default.</param>
    private static async Task<Results<Ok<InboxPage>, NotFound>> InboxAsync(bool? acknowledged, bool? overdue, string? q, int? page, Guid? organizationId, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        const int pageSize = 20;
        var number = Math.Max(1, page ?? 1);
        var unit = organizationId ?? user.OrganizationId;
        if (unit != user.OrganizationId)
        {
            var viewer = await user.GetViewerAsync(cancellationToken);
            if (!viewer.SeesSubtree || !await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == unit, cancellationToken))
            {
                return TypedResults.NotFound();
            }
        }

        var (items, total) = await InboxQuery.PageAsync(db, unit, VietnamTime.Today(clock), new InboxFilter(acknowledged, overdue, Q: q), number, pageSize, cancellationToken);
        return TypedResults.Ok(new InboxPage(items, number, pageSize, total));
    }

    private static async Task<Results<Ok<AcknowledgeResponse>, NotFound, ValidationProblem>> AcknowledgeAsync(Guid id, Receiving receiving, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.TryRead(http.Request, null, out var key))
        {
            return KeyProblem();
        }

        var acknowledgment = await receiving.AcknowledgeAsync(id, Actor(user, http), cancellationToken, key);
        return acknowledgment is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new AcknowledgeResponse(acknowledgment.AcknowledgedAt, acknowledgment.AcknowledgedBy, acknowledgment.AcknowledgedById));
    }

    private static async Task<Results<Created<ReportResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReportAsync(
        Guid id, ReportRequest request, Receiving receiving, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Status is null or ProgressStatus.DoneLate || !Enum.IsDefined(request.Status.Value))
        {
            errors["status"] = ["Trạng thái phải là NotStarted, InProgress, Done hoặc Blocked."];
        }
        else if (request.Status is ProgressStatus.Done or ProgressStatus.Blocked && string.IsNullOrWhiteSpace(request.Note))
        {
            errors["note"] = ["Cần ghi nội dung khi báo cáo đã hoàn thành hoặc gặp vướng mắc."];
        }

        if (request.Note?.Length > 4000)
        {
            errors["note"] = ["Không được dài quá 4000 ký tự."];
        }

        if (!IdempotencyKeys.TryRead(http.Request, null, out var key))
        {
            errors[IdempotencyKeys.Header] = ["Mã Idempotency-Key phải là một GUID."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        }

        try
        {
            var report = await receiving.ReportAsync(id, request.Status!.Value, request.Note, Actor(user, http), new QueuedAction(key, null), cancellationToken);
            return report is null
                ? TypedResults.NotFound()
                : TypedResults.Created($"/api/task-assignments/{id}/reports/{report.Id}", new ReportResponse(report.Id, id, report.Status.ToString(), report.Note, report.ReportedAt));
        }
        catch (DomainException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<TrackingResponse>, NotFound>> TrackingAsync(Guid id, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await TrackingQuery.LoadAsync(db, await user.GetViewerAsync(cancellationToken), id, VietnamTime.Today(clock), cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var implementedBy = new List<ImplementedByDto>();
        void Flatten(Guid parent, IReadOnlyList<TrackingCascade> cascade)
        {
            foreach (var c in cascade)
            {
                implementedBy.Add(new ImplementedByDto(c.DirectiveId, c.Number, c.OrganizationId, c.Total, c.Done, c.Overdue, parent));
                Flatten(c.DirectiveId, c.ImplementedBy);
            }
        }

        Flatten(view.Id, view.ImplementedBy);
        return TypedResults.Ok(new TrackingResponse(
            view.Recipients.Select(r => new TrackingRecipientDto(r.OrganizationId, r.Name, r.AcknowledgedAt)).ToList(),
            view.Tasks.Select(t => new TrackingTaskDto(
                t.TaskId,
                t.Label,
                t.Deadline,
                t.Assignments.Select(a => new TrackingAssignmentDto(a.TaskAssignmentId, a.OrganizationId, a.Role.ToString(), a.Status.ToString(), a.Overdue, a.LastReportAt, a.Deadline, a.DeadlinePending, a.ReceivedOn)).ToList(),
                t.AfterReceipt is { } span ? new DirectiveDto.DeadlineAfterReceiptItem(span.Days, span.WorkingDays) : null)).ToList(),
            implementedBy));
    }

    private static ValidationProblem KeyProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKeys.Header] = ["Mã Idempotency-Key phải là một GUID."] }, title: "Dữ liệu không hợp lệ.");

    private static Actor Actor(CurrentUser user, HttpContext http) => new(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
}
