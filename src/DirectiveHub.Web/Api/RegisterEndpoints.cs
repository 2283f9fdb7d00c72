using DirectiveHub.Registers;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>
/// GET /api/registers/{outgoing|incoming|follow-up}: a unit's register for a period, the columns the printed register
/// has. A unit the caller may not see is "not found".
/// </summary>
public static class RegisterEndpoints
{
    public sealed record RegisterItems<T>(IReadOnlyList<T> Items, int Total);

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
        return api;
    }

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
