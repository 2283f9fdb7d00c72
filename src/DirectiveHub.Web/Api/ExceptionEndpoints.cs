using DirectiveHub.Assignments;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>GET /api/exceptions: the exception view of a committee's subtree, as the page shows it.</summary>
public static class ExceptionEndpoints
{
    public sealed record ExceptionDto(
        Guid TaskAssignmentId,
        Guid DirectiveId,
        string? DirectiveNumber,
        Guid TaskId,
        string TaskLabel,
        string TaskText,
        Guid OrganizationId,
        string OrganizationName,
        string Level,
        int DaysLate,
        DateOnly Deadline,
        string Missing,
        string? Blocker,
        Guid DecidingOrganizationId,
        string DecidingOrganizationName);

    public static RouteGroupBuilder MapExceptionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/exceptions", ListAsync)
            .WithTags("Dashboard")
            .RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Clerk, Roles.Admin));
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExceptionDto>>, NotFound>> ListAsync(
        Guid? organizationId, Guid? directiveId, Guid? unitId, ExceptionList exceptions, CurrentUser user, CancellationToken cancellationToken)
    {
        var items = await exceptions.LoadAsync(await user.GetViewerAsync(cancellationToken), new ExceptionFilter(organizationId ?? user.OrganizationId, directiveId, unitId), cancellationToken);
        if (items is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<ExceptionDto>>(items.Select(i => new ExceptionDto(
            i.TaskAssignmentId,
            i.DirectiveId,
            i.DirectiveNumber,
            i.TaskId,
            i.TaskLabel,
            i.TaskText,
            i.OrganizationId,
            i.OrganizationName,
            i.Level.ToString(),
            i.DaysLate,
            i.Deadline,
            i.Missing.ToString(),
            i.Blocker,
            i.DecidingOrganizationId,
            i.DecidingOrganizationName)).ToList());
    }
}
