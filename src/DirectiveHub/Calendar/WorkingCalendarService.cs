using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Calendar;

/// <summary>
/// Reads and edits the working calendar. The administration page and the API both call it; every change is audited
/// with the entry as it was and as it became.
/// </summary>
public sealed class WorkingCalendarService(AppDbContext db, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static bool IsSupportedYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// The calendar is national, one for every unit: only administrators of a unit at the top of the tree change it,
    /// never those of a commune (the caller checks the administrator role).
    /// </summary>
    public Task<bool> MayEditAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AnyAsync(o => o.Id == organizationId && o.ParentId == null, cancellationToken);

    /// <summary>
    /// The whole calendar. It holds a few dozen rows a year, so loading it all is cheaper than working out which
    /// years a span of working days will cross.
    /// </summary>
    public Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken) => ReadAsync(db, cancellationToken);

    /// <summary>The calendar as <see cref="LoadAsync"/> reads it, for jobs that have a context and no service.</summary>
    public static async Task<WorkingCalendar> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        return new WorkingCalendar(rows.Select(r => (r.Date, r.Kind)));
    }

    public async Task<IReadOnlyList<CalendarDay>> YearAsync(int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds or changes the entry of <paramref name="date"/>.</summary>
    /// <exception cref="DomainException">The year is outside the calendar, or the entry breaks a rule of <see cref="CalendarDay"/>.</exception>
    public async Task<CalendarDay> SetAsync(DateOnly date, CalendarDayKind kind, string name, Actor actor, CancellationToken cancellationToken)
    {
        if (!IsSupportedYear(date.Year))
        {
            throw new DomainException($"Lịch làm việc chỉ nhận các năm từ {FirstYear} đến {LastYear}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        object? before = day is null ? null : new { Kind = day.Kind.ToString(), day.Name };
        if (day is null)
        {
            day = new CalendarDay(date, kind, name, now);
            db.CalendarDays.Add(day);
        }
        else
        {
            day.Set(kind, name, now);
        }

        Audit(AuditActions.CalendarDaySet, date, new { Before = before, After = new { Kind = day.Kind.ToString(), day.Name } }, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return day;
    }

    /// <returns>False when the date had no entry.</returns>
    public async Task<bool> RemoveAsync(DateOnly date, Actor actor, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.CalendarDays.Remove(day);
        Audit(AuditActions.CalendarDayRemoved, date, new { Before = new { Kind = day.Kind.ToString(), day.Name } }, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void Audit(string action, DateOnly date, object details, Actor actor, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(CalendarDay), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now));
}
