using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>
/// After a unit reports: the issuer's review, extension requests and decisions, urgings, refusal, cancellation and
/// reassignment. Each calls <see cref="TaskLifecycle"/>; bad input is 400 naming the field, the wrong side 403, another
/// branch of the tree 404, a state that moved 409.
/// </summary>
public static class TaskLifecycleEndpoints
{
    public sealed record ReviewRequest(ReviewDecision? Decision, ResultQuality? Quality, string? Reason, int? Version);

    public sealed record ExtensionRequestBody(DateOnly? ProposedDeadline, string? Reason);

    public sealed record ExtensionDecisionBody(bool? Approve, string? Reason);

    public sealed record UrgingBody(UrgingKind? Kind, string? Text, DateOnly? ReportBy);

    public sealed record BulkUrgingBody(UrgingTarget? Target, UrgingKind? Kind, string? Text, DateOnly? ReportBy);

    public sealed record ReasonBody(string? Reason, int? Version);

    public sealed record ReassignBody(Guid? OrganizationId);

    public sealed record HandlerBody(Guid? HandlerUserId, Guid? FollowerUserId);

    public sealed record CreatedResponse(Guid Id);

    public sealed record CountResponse(int Count);

    public static RouteGroupBuilder MapTaskLifecycleEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/task-assignments/{id:guid}/review", ReviewAsync).WithTags("Tracking");
        api.MapPost("/task-assignments/{id:guid}/extension-requests", RequestExtensionAsync).WithTags("Inbox");
        api.MapPost("/extension-requests/{id:guid}/decision", DecideExtensionAsync).WithTags("Tracking");
        api.MapPost("/task-assignments/{id:guid}/urgings", UrgeAsync).WithTags("Tracking");
        api.MapPost("/directives/{id:guid}/urgings", UrgeManyAsync).WithTags("Tracking");
        api.MapPost("/task-assignments/{id:guid}/cancel", CancelAsync).WithTags("Tracking");
        api.MapPost("/tasks/{id:guid}/cancel", CancelTaskAsync).WithTags("Tracking");
        api.MapPost("/task-assignments/{id:guid}/refuse", RefuseAsync).WithTags("Inbox");
        api.MapPost("/task-assignments/{id:guid}/reassign", ReassignAsync).WithTags("Tracking");
        api.MapPut("/task-assignments/{id:guid}/handler", AssignHandlerAsync).WithTags("Inbox");
        return api;
    }

    private static Task<IResult> ReviewAsync(Guid id, ReviewRequest request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (request.Decision is not { } decision || !Enum.IsDefined(decision))
            {
                errors["decision"] = ["Quyết định phải là Accept hoặc Return."];
            }
            else if (decision == ReviewDecision.Accept && request.Quality is not { } quality)
            {
                errors["quality"] = ["Cần chọn mức chất lượng: KhongDat, Dat, DatTot hoặc XuatSac."];
            }
            else if (decision == ReviewDecision.Return && string.IsNullOrWhiteSpace(request.Reason))
            {
                errors["reason"] = ["Cần ghi lý do trả lại."];
            }

            Bound(errors, "reason", request.Reason, ExtensionRequest.MaxReasonLength);
            return errors;
        }, async (actor, viewer) => await lifecycle.ReviewAsync(id, request.Decision!.Value, request.Quality, request.Reason, actor, viewer, request.Version, cancellationToken), _ => TypedResults.NoContent());

    private static Task<IResult> RequestExtensionAsync(Guid id, ExtensionRequestBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (request.ProposedDeadline is null)
            {
                errors["proposedDeadline"] = ["Cần có hạn đề nghị (yyyy-MM-dd)."];
            }

            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                errors["reason"] = ["Cần ghi lý do xin gia hạn."];
            }

            Bound(errors, "reason", request.Reason, ExtensionRequest.MaxReasonLength);
            return errors;
        }, async (actor, viewer) => await lifecycle.RequestExtensionAsync(id, request.ProposedDeadline!.Value, request.Reason, actor, viewer, cancellationToken),
        outcome => TypedResults.Created($"/api/extension-requests/{outcome.Id}", new CreatedResponse(outcome.Id!.Value)));

    private static Task<IResult> DecideExtensionAsync(Guid id, ExtensionDecisionBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (request.Approve is null)
            {
                errors["approve"] = ["Cần có approve: true hoặc false."];
            }
            else if (request.Approve == false && string.IsNullOrWhiteSpace(request.Reason))
            {
                errors["reason"] = ["Cần ghi lý do không đồng ý gia hạn."];
            }

            Bound(errors, "reason", request.Reason, ExtensionRequest.MaxReasonLength);
            return errors;
        }, async (actor, viewer) => await lifecycle.DecideExtensionAsync(id, request.Approve!.Value, request.Reason, actor, viewer, cancellationToken), _ => TypedResults.NoContent());

    private static Task<IResult> UrgeAsync(Guid id, UrgingBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => UrgingErrors(request.Kind, request.Text),
            async (actor, viewer) => await lifecycle.UrgeAsync(id, request.Kind!.Value, request.Text, request.ReportBy, actor, viewer, cancellationToken),
            outcome => TypedResults.Created($"/api/urgings/{outcome.Id}", new CreatedResponse(outcome.Id!.Value)));

    private static Task<IResult> UrgeManyAsync(Guid id, BulkUrgingBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () =>
        {
            var errors = UrgingErrors(request.Kind, request.Text);
            if (request.Target is not { } target || !Enum.IsDefined(target))
            {
                errors["target"] = ["Đối tượng phải là NotAcknowledged hoặc Overdue."];
            }

            return errors;
        }, async (actor, viewer) => await lifecycle.UrgeManyAsync(id, request.Target!.Value, request.Kind!.Value, request.Text, request.ReportBy, actor, viewer, cancellationToken),
        outcome => TypedResults.Ok(new CountResponse(outcome.Count)));

    private static Task<IResult> CancelAsync(Guid id, ReasonBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => ReasonErrors(request.Reason, "Cần ghi lý do hủy."),
            async (actor, viewer) => await lifecycle.CancelAsync(id, request.Reason, actor, viewer, request.Version, cancellationToken), _ => TypedResults.NoContent());

    private static Task<IResult> CancelTaskAsync(Guid id, ReasonBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => ReasonErrors(request.Reason, "Cần ghi lý do hủy."),
            async (actor, viewer) => await lifecycle.CancelTaskAsync(id, request.Reason, actor, viewer, cancellationToken), outcome => TypedResults.Ok(new CountResponse(outcome.Count)));

    private static Task<IResult> RefuseAsync(Guid id, ReasonBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => ReasonErrors(request.Reason, "Cần ghi lý do từ chối."),
            async (actor, viewer) => await lifecycle.RefuseAsync(id, request.Reason, actor, viewer, cancellationToken), _ => TypedResults.NoContent());

    private static Task<IResult> ReassignAsync(Guid id, ReassignBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => request.OrganizationId is null
                ? new Dictionary<string, string[]>(StringComparer.Ordinal) { ["organizationId"] = ["Cần chọn đơn vị được giao lại."] }
                : [],
            async (actor, viewer) => await lifecycle.ReassignAsync(id, request.OrganizationId!.Value, actor, viewer, cancellationToken),
            outcome => TypedResults.Created($"/api/task-assignments/{outcome.Id}", new CreatedResponse(outcome.Id!.Value)));

    private static Task<IResult> AssignHandlerAsync(Guid id, HandlerBody request, TaskLifecycle lifecycle, CurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(http, user, () => request.HandlerUserId is null
                ? new Dictionary<string, string[]>(StringComparer.Ordinal) { ["handlerUserId"] = ["Cần chọn người xử lý."] }
                : [],
            async (actor, viewer) => await lifecycle.AssignHandlerAsync(id, request.HandlerUserId!.Value, request.FollowerUserId, actor, viewer, cancellationToken), _ => TypedResults.NoContent());

    /// <summary>
    /// The shape every lifecycle call shares: edge checks (400 with the fields), then the domain, whose answers map to
    /// 403, 404, 409 (the state moved) or 400 (a rule about a value the caller gave, naming it).
    /// </summary>
    private static async Task<IResult> RunAsync(HttpContext http, CurrentUser user, Func<Dictionary<string, string[]>> validate, Func<Actor, Access.Viewer, Task<LifecycleOutcome>> act, Func<LifecycleOutcome, IResult> ok)
    {
        var errors = validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        }

        try
        {
            var outcome = await act(new Actor(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString()), await user.GetViewerAsync(http.RequestAborted));
            return outcome.Status switch
            {
                LifecycleStatus.NotFound => TypedResults.NotFound(),
                LifecycleStatus.Forbidden => TypedResults.Problem("Thao tác này thuộc về bên kia: cấp ủy giao việc xác nhận, gia hạn, đôn đốc và hủy; đơn vị thực hiện báo cáo, xin gia hạn và từ chối.", statusCode: StatusCodes.Status403Forbidden),
                _ => ok(outcome),
            };
        }
        catch (StateConflictException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Trạng thái nhiệm vụ đã thay đổi.");
        }
        catch (DomainException rule) when (rule.Field is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [rule.Message] }, title: "Dữ liệu không hợp lệ.");
        }
        catch (DomainException rule)
        {
            return TypedResults.Problem(rule.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static Dictionary<string, string[]> UrgingErrors(UrgingKind? kind, string? text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors["kind"] = ["Hình thức phải là NhacNho, PheBinh hoặc KiemDiem."];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["Cần ghi nội dung đôn đốc."];
        }

        Bound(errors, "text", text, Urging.MaxTextLength);
        return errors;
    }

    private static Dictionary<string, string[]> ReasonErrors(string? reason, string message)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = [message];
        }

        Bound(errors, "reason", reason, ExtensionRequest.MaxReasonLength);
        return errors;
    }

    private static void Bound(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength)
        {
            errors[field] = [$"Không được dài quá {maxLength} ký tự."];
        }
    }
}
