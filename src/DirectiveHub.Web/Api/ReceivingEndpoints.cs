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

    public sealed record ReportRequest(ProgressStatus? Status, string? Note, ResultBody? Result = null);

    /// <param name="IssuedOn">yyyy-MM-dd.</param>
    public sealed record ResultBody(string? Number, DateOnly? IssuedOn);

    public sealed record ReportResponse(Guid Id, Guid TaskAssignmentId, string Status, string? Note, DateTime ReportedAt, ResultBody? Result, int Evidence);

    public sealed record TrackingResponse(IReadOnlyList<TrackingRecipientDto> Recipients, IReadOnlyList<TrackingTaskDto> Tasks, IReadOnlyList<ImplementedByDto> ImplementedBy);

    public sealed record TrackingRecipientDto(Guid OrganizationId, string Name, DateTime? AcknowledgedAt);

    /// <param name="State">The task's own state, the lead's: done once the lead's result is accepted (Open, Overdue, DoneOnTime, DoneLate, Closed, Cancelled).</param>
    /// <param name="CoordinatorResults">The coordinating units' latest results, which they report to the lead.</param>
    public sealed record TrackingTaskDto(Guid TaskId, string Label, DateOnly? Deadline, IReadOnlyList<TrackingAssignmentDto> Assignments, DirectiveDto.DeadlineAfterReceiptItem? DeadlineAfterReceipt, string State, IReadOnlyList<CoordinatorResultDto> CoordinatorResults);

    public sealed record CoordinatorResultDto(Guid TaskAssignmentId, Guid OrganizationId, string Status, TrackingResultDto? Result, DateTime? LastReportAt, string? LastNote);

    /// <param name="Status">The one state vocabulary (NotStarted … Cancelled); <paramref name="ExchangeStatusCode"/> its national exchange code.</param>
    /// <param name="Deadline">The deadline in force; <paramref name="OriginalDeadline"/> the first one when an extension moved it.</param>
    public sealed record TrackingAssignmentDto(
        Guid TaskAssignmentId,
        Guid OrganizationId,
        string Role,
        string Status,
        string ExchangeStatusCode,
        bool Overdue,
        DateTime? LastReportAt,
        DateOnly? Deadline,
        DateOnly? OriginalDeadline,
        bool DeadlinePending,
        DateOnly? ReceivedOn,
        int Extensions,
        int Urgings,
        int Returns,
        string? Quality,
        string? Timing,
        TrackingResultDto? Result,
        TrackingExtensionDto? PendingExtension,
        int Version,
        string? Handler = null,
        string? Follower = null);

    public sealed record TrackingResultDto(string? Number, DateOnly? IssuedOn, DateTime? SubmittedAt);

    public sealed record TrackingExtensionDto(Guid Id, DateOnly? ProposedDeadline, string? Reason);

    public sealed record ImplementedByDto(Guid DirectiveId, string? Number, Guid OrganizationId, int Total, int Done, int Overdue, Guid ImplementsDirectiveId);

    public static RouteGroupBuilder MapReceivingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox", InboxAsync).WithTags("Inbox");
        api.MapPost("/directives/{id:guid}/acknowledge", AcknowledgeAsync).WithTags("Inbox");
        api.MapPost("/task-assignments/{id:guid}/reports", ReportAsync).WithTags("Inbox").Accepts<ReportRequest>("application/json", "multipart/form-data");
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

    /// <summary>
    /// JSON (<see cref="ReportRequest"/>) or multipart/form-data with the same fields (status, note, result.number,
    /// result.issuedOn) and up to <see cref="EvidenceIntake.MaxFiles"/> files named "evidence". "Done" needs a result
    /// document or a file; it then waits for the issuer's confirmation.
    /// </summary>
    private static async Task<Results<Created<ReportResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReportAsync(
        Guid id, HttpRequest httpRequest, Receiving receiving, EvidenceIntake intake, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ReportRequest? request;
        IFormFileCollection? uploads = null;
        if (httpRequest.HasFormContentType)
        {
            // One limit, Attachments:MaxBytes per file (the intake's), not the server's default body size: the request
            // may hold every file allowed plus the fields. Beyond that the answer still names the field, in Vietnamese.
            var envelope = (EvidenceIntake.MaxFiles + 1) * (intake.MaxBytes + (2L * 1024 * 1024));
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = envelope;
            }

            IFormCollection form;
            try
            {
                form = await httpRequest.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = envelope }, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
            {
                return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["evidence"] = [$"Tệp quá lớn (tối đa {intake.MaxBytes / (1024 * 1024)} MB mỗi tệp, {EvidenceIntake.MaxFiles} tệp)."],
                })
                {
                    Title = "Dữ liệu không hợp lệ.",
                    Status = StatusCodes.Status413PayloadTooLarge,
                });
            }

            uploads = form.Files;
            ProgressStatus? status = Enum.TryParse<ProgressStatus>(form["status"].ToString(), ignoreCase: false, out var parsed) && !int.TryParse(form["status"].ToString(), out _) ? parsed : null;
            DateOnly? issuedOn = null;
            if (!string.IsNullOrEmpty(form["result.issuedOn"].ToString()))
            {
                if (DateOnly.TryParseExact(form["result.issuedOn"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    issuedOn = date;
                }
                else
                {
                    errors["result.issuedOn"] = ["Ngày phải có dạng yyyy-MM-dd."];
                }
            }

            var number = form["result.number"].ToString();
            request = new ReportRequest(status, form["note"].ToString() is { Length: > 0 } note ? note : null, number.Length > 0 || issuedOn is not null ? new ResultBody(number, issuedOn) : null);
            if (uploads.Count > EvidenceIntake.MaxFiles)
            {
                errors["evidence"] = [$"Tối đa {EvidenceIntake.MaxFiles} tệp minh chứng."];
            }
        }
        else if (httpRequest.HasJsonContentType())
        {
            request = await httpRequest.ReadFromJsonAsync<ReportRequest>(cancellationToken) ?? new ReportRequest(null, null);
        }
        else
        {
            return TypedResults.Problem("Nội dung phải là application/json hoặc multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Which statuses a unit may report, and what "blocked" and "done" need, are the domain's rules
        // (TaskAssignment.Report): its refusal names the field. Only what cannot reach it is checked here.
        if (request.Status is null)
        {
            errors["status"] = ["Trạng thái phải là NotStarted, InProgress, Done hoặc Blocked."];
        }

        if (request.Result is { } result)
        {
            if (string.IsNullOrWhiteSpace(result.Number) || result.Number.Length > ResultDocument.MaxNumberLength)
            {
                errors["result.number"] = [$"Cần số và ký hiệu văn bản báo cáo, không quá {ResultDocument.MaxNumberLength} ký tự."];
            }

            if (result.IssuedOn is null && !errors.ContainsKey("result.issuedOn"))
            {
                errors["result.issuedOn"] = ["Cần ngày của văn bản báo cáo (yyyy-MM-dd)."];
            }
        }

        if (request.Note?.Length > ProgressReport.MaxNoteLength)
        {
            errors["note"] = [$"Không được dài quá {ProgressReport.MaxNoteLength} ký tự."];
        }

        if (!IdempotencyKeys.TryRead(http.Request, null, out var key))
        {
            errors[IdempotencyKeys.Header] = ["Mã Idempotency-Key phải là một GUID."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        }

        var files = new List<EvidenceFile>();
        try
        {
            foreach (var upload in uploads?.Where(f => f.Length > 0) ?? [])
            {
                await using var stream = upload.OpenReadStream();
                files.Add(await intake.StoreAsync(stream, upload.Length, upload.FileName, cancellationToken));
            }

            var document = request.Result is { Number: { } n, IssuedOn: { } on } ? new ResultDocument(n.Trim(), on) : null;
            var report = await receiving.ReportAsync(id, request.Status!.Value, request.Note, Actor(user, http), new QueuedAction(key, null), cancellationToken, files, document);
            if (report is null)
            {
                await intake.DiscardAsync(files);
                return TypedResults.NotFound();
            }

            return TypedResults.Created(
                $"/api/task-assignments/{id}/reports/{report.Id}",
                new ReportResponse(report.Id, id, report.Status.ToString(), report.Note, report.ReportedAt, report.ResultNumber is null ? null : new ResultBody(report.ResultNumber, report.ResultIssuedOn), files.Count));
        }
        catch (DomainException exception)
        {
            await intake.DiscardAsync(files);
            return exception is not StateConflictException && exception.Field is { } field
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [exception.Message] }, title: "Dữ liệu không hợp lệ.")
                : TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
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
                t.Assignments.Select(ToDto).ToList(),
                t.AfterReceipt is { } span ? new DirectiveDto.DeadlineAfterReceiptItem(span.Days, span.WorkingDays) : null,
                t.State.ToString(),
                t.Coordinators.Select(c => new CoordinatorResultDto(c.TaskAssignmentId, c.OrganizationId, c.Status.ToString(), ResultOf(c.Lifecycle!), c.LastReportAt, c.LastNote)).ToList())).ToList(),
            implementedBy));
    }

    private static TrackingAssignmentDto ToDto(TrackingUnit a)
    {
        var l = a.Lifecycle!;
        return new TrackingAssignmentDto(
            a.TaskAssignmentId,
            a.OrganizationId,
            a.Role.ToString(),
            a.Status.ToString(),
            l.ExchangeStatusCode(a.Status),
            a.Overdue,
            a.LastReportAt,
            a.Deadline,
            l.OriginalDeadline ?? a.Deadline,
            a.DeadlinePending,
            a.ReceivedOn,
            l.Extensions,
            l.Urgings,
            l.Returns,
            l.Quality?.ToString(),
            l.Timing?.ToString(),
            ResultOf(l),
            l.PendingExtensionId is { } pending ? new TrackingExtensionDto(pending, l.PendingExtensionDeadline, l.PendingExtensionReason) : null,
            l.Version,
            a.Handler,
            a.Follower);
    }

    private static TrackingResultDto? ResultOf(TrackingLifecycle l) =>
        l.ResultNumber is null && l.SubmittedAt is null ? null : new TrackingResultDto(l.ResultNumber, l.ResultIssuedOn, l.SubmittedAt);

    private static ValidationProblem KeyProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKeys.Header] = ["Mã Idempotency-Key phải là một GUID."] }, title: "Dữ liệu không hợp lệ.");

    private static Actor Actor(CurrentUser user, HttpContext http) => new(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
}
