using System.Globalization;
using DirectiveHub.Calendar;
using DirectiveHub.Directives;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

/// <summary>/api/working-calendar: the days off and make-up working days, read by everyone, changed by top-level administrators.</summary>
public static class WorkingCalendarEndpoints
{
    public sealed record CalendarYear(int Year, IReadOnlyList<CalendarEntry> DaysOff, IReadOnlyList<CalendarEntry> WorkingDays);

    public sealed record CalendarEntry(DateOnly Date, string Name);

    public sealed record CalendarDayRequest(CalendarDayKind? Kind, string? Name);

    public sealed record CalendarDayResponse(DateOnly Date, string Kind, string Name);

    public static RouteGroupBuilder MapWorkingCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/working-calendar").WithTags("Calendar");
        calendar.MapGet("/{year:int}", YearAsync);
        calendar.MapPut("/days/{date}", SetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        calendar.MapDelete("/days/{date}", RemoveAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return api;
    }

    private static async Task<Results<Ok<CalendarYear>, ValidationProblem>> YearAsync(int year, WorkingCalendarService calendar, CancellationToken cancellationToken)
    {
        if (!WorkingCalendarService.IsSupportedYear(year))
        {
            return Invalid("year", $"Năm phải từ {WorkingCalendarService.FirstYear} đến {WorkingCalendarService.LastYear}.");
        }

        var days = await calendar.YearAsync(year, cancellationToken);
        return TypedResults.Ok(new CalendarYear(
            year,
            days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => new CalendarEntry(d.Date, d.Name)).ToList(),
            days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => new CalendarEntry(d.Date, d.Name)).ToList()));
    }

    private static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem, ForbidHttpResult>> SetAsync(
        string date, CalendarDayRequest request, WorkingCalendarService calendar, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day) || !WorkingCalendarService.IsSupportedYear(day.Year))
        {
            return Invalid("date", $"Ngày phải có dạng yyyy-MM-dd, trong các năm {WorkingCalendarService.FirstYear}–{WorkingCalendarService.LastYear}.");
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Invalid("kind", "Loại ngày phải là DayOff (ngày nghỉ) hoặc WorkingDay (ngày làm bù).");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > CalendarDay.NameMaxLength)
        {
            return Invalid("name", $"Tên ngày cần có từ 1 đến {CalendarDay.NameMaxLength} ký tự.");
        }

        if (!await calendar.MayEditAsync(user.OrganizationId, cancellationToken))
        {
            return TypedResults.Forbid();
        }

        try
        {
            var saved = await calendar.SetAsync(day, kind, request.Name, Actor(user, http), cancellationToken);
            return TypedResults.Ok(new CalendarDayResponse(saved.Date, saved.Kind.ToString(), saved.Name));
        }
        catch (DomainException exception)
        {
            // The name and the year were checked above: what is left is a make-up working day on a weekday.
            return Invalid("kind", exception.Message);
        }
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> RemoveAsync(
        string date, WorkingCalendarService calendar, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day))
        {
            return Invalid("date", "Ngày phải có dạng yyyy-MM-dd.");
        }

        if (!await calendar.MayEditAsync(user.OrganizationId, cancellationToken))
        {
            return TypedResults.Forbid();
        }

        return await calendar.RemoveAsync(day, Actor(user, http), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Dữ liệu không hợp lệ.");

    private static Actor Actor(CurrentUser user, HttpContext http) => new(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
}
