using DirectiveHub.Registers;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>
/// GET /api/registers/{outgoing|incoming|follow-up}: a unit's register for a period, the columns the printed register
/// has. A unit the caller may not see is "not found". GET /api/registers/task-slips/{directiveId}: a received
/// directive's task slip; PUT …/instruction writes the leader's instruction on it (a clerk or leader of the receiving
/// unit; others 403).
/// </summary>
public static class RegisterEndpoints
{
    public sealed record RegisterItems<T>(IReadOnlyList<T> Items, int Total);

    public sealed record SlipCoordinator(string Unit, DateOnly? Deadline);

    public sealed record SlipTask(string Label, string Text, string? Lead, DateOnly? LeadDeadline, IReadOnlyList<SlipCoordinator> Coordinators, bool ForThisUnit);

    public sealed record SlipResponse(
        Guid DirectiveId, string Unit, int? ArrivalNumber, DateTime? ArrivedAt, string Issuer, string Number, DateOnly IssuedOn, string Subject,
        IReadOnlyList<SlipTask> Tasks, string? Instruction, string? InstructedBy, DateTime? InstructedAt);

    public sealed record InstructionBody(string? Instruction, Guid? OrganizationId);

    public static RouteGroupBuilder MapRegisterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/registers/outgoing", (Guid? organizationId, int? year, DateOnly? from, DateOnly? to, RegisterBook book, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken) =>
            ReadAsync(organizationId, year, from, to, book, user, clock, (viewer, unit, period) => book.OutgoingAsync(viewer, unit, period, 0, RegisterBook.MaxRows, cancellationToken), cancellationToken))
            .WithTags("Registers");
        api.MapGet("/registers/incoming", (Guid? organizationId, int? year, DateOnly? from, DateOnly? to, RegisterBook book, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken) =>
            ReadAsync(organizationId, year, from, to, book, user, clock, (viewer, unit, period) => book.IncomingAsync(viewer, unit, period, 0, RegisterBook.MaxRows, cancellationToken), cancellationToken))
            .WithTags("Registers");
        api.MapGet("/registers/follow-up", (Guid? organizationId, int? year, DateOnly? from, DateOnly? to, RegisterBook book, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken) =>
            ReadAsync(organizationId, year, from, to, book, user, clock, (viewer, unit, period) => book.FollowUpAsync(viewer, unit, period, 0, RegisterBook.MaxRows, cancellationToken), cancellationToken))
            .WithTags("Registers");
        api.MapGet("/registers/task-slips/{directiveId:guid}", async Task<Results<Ok<SlipResponse>, NotFound>> (Guid directiveId, Guid? organizationId, RegisterBook book, CurrentUser user, CancellationToken cancellationToken) =>
            await book.TaskSlipAsync(await user.GetViewerAsync(cancellationToken), directiveId, organizationId ?? user.OrganizationId, cancellationToken) is { } slip
                ? TypedResults.Ok(ToResponse(slip))
                : TypedResults.NotFound())
            .WithTags("Registers");
        api.MapPut("/registers/task-slips/{directiveId:guid}/instruction", WriteInstructionAsync).WithTags("Registers");
        return api;
    }

    private static async Task<IResult> WriteInstructionAsync(Guid directiveId, InstructionBody request, RegisterBook book, TaskSlipInstructions instructions, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.Instruction is { } text && text.Trim().ReplaceLineEndings("\n").Length > Assignments.Assignment.MaxInstructionLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instruction"] = ["Ý kiến chỉ đạo không quá 2.000 ký tự."] }, title: "Dữ liệu không hợp lệ.");
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var organizationId = request.OrganizationId ?? user.OrganizationId;
        var actor = new Directives.Actor(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
        try
        {
            var status = await instructions.RecordAsync(directiveId, organizationId, request.Instruction, actor, viewer, cancellationToken);
            if (status == Assignments.LifecycleStatus.NotFound)
            {
                return TypedResults.NotFound();
            }

            if (status == Assignments.LifecycleStatus.Forbidden)
            {
                return TypedResults.Problem("Chỉ văn thư hoặc lãnh đạo của đơn vị nhận văn bản được ghi ý kiến chỉ đạo.", statusCode: StatusCodes.Status403Forbidden);
            }
        }
        catch (DomainException rule)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [rule.Field ?? "instruction"] = [rule.Message] }, title: "Dữ liệu không hợp lệ.");
        }

        var slip = await book.TaskSlipAsync(viewer, directiveId, organizationId, cancellationToken);
        return slip is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(slip));
    }

    private static SlipResponse ToResponse(TaskSlip slip) => new(
        slip.DirectiveId, slip.UnitName, slip.ArrivalNumber, slip.ArrivedAt, slip.Issuer, slip.Number, slip.IssuedOn, slip.Subject,
        slip.Tasks.Select(t => new SlipTask(t.Label, t.Text, t.Lead, t.LeadDeadline, t.Coordinators.Select(c => new SlipCoordinator(c.Unit, c.Deadline)).ToList(), t.ForThisUnit)).ToList(),
        slip.Instruction, slip.InstructedBy, slip.InstructedAt);

    private static async Task<Results<Ok<RegisterItems<T>>, NotFound, ValidationProblem>> ReadAsync<T>(
        Guid? organizationId, int? year, DateOnly? from, DateOnly? to, RegisterBook book, CurrentUser user, TimeProvider clock,
        Func<Access.Viewer, Guid, RegisterPeriod, Task<RegisterPage<T>>> read, CancellationToken cancellationToken)
    {
        var period = RegisterPeriod.Parse(year, from, to, VietnamTime.Today(clock), out var error);
        if (error is { } refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] });
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var unit = await book.UnitAsync(viewer, organizationId ?? user.OrganizationId, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var page = await read(viewer, unit.Id, period!);
        return TypedResults.Ok(new RegisterItems<T>(page.Items, page.Total));
    }
}
