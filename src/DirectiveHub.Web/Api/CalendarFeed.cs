using System.Globalization;
using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>
/// A unit's open deadlines as an iCalendar feed for calendar apps, at a secret address per user
/// (<c>/calendar/{secret}.ics</c>, see <see cref="CalendarSecret"/>). Request logs show the path redacted (<see cref="Infrastructure.SecretRedaction"/>).
/// </summary>
public static class CalendarFeed
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", async (string secret, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var hash = CalendarSecret.Hash(secret);
            var owner = await db.Users.AsNoTracking().Where(u => u.CalendarTokenHash == hash && !u.IsDeactivated)
                .Select(u => new Viewer(u.Id, u.OrganizationId, u.Organization!.Path, false, false))
                .SingleOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                return Results.NotFound();
            }

            var readable = db.Directives.Where(VisibilityQueries.ContentVisibleTo(db, owner)).Select(d => d.Id);
            var items = await (
                    from t in db.TaskAssignments.Where(TaskAssignmentState.IsOutstanding)
                    where t.OrganizationId == owner.OrganizationId && t.Deadline != null
                    join task in db.DirectiveTasks on t.TaskId equals task.Id
                    join d in db.Directives on t.DirectiveId equals d.Id
                    orderby t.Deadline
                    select new { t.Id, t.Deadline, d.Number, task.Label, task.Text, DirectiveId = d.Id, Readable = readable.Contains(d.Id) })
                .Take(2000)
                .ToListAsync(cancellationToken);
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var text = new StringBuilder();
            text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DirectiveHub//Thoi han nhiem vu//VI\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:DirectiveHub\r\n");
            foreach (var item in items)
            {
                var day = item.Deadline!.Value;
                text.Append("BEGIN:VEVENT\r\n");
                text.Append(CultureInfo.InvariantCulture, $"UID:{item.Id:N}@directivehub\r\n");
                text.Append(CultureInfo.InvariantCulture, $"DTSTAMP:{stamp}\r\n");
                text.Append(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{day:yyyyMMdd}\r\n");
                text.Append(CultureInfo.InvariantCulture, $"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}\r\n");
                var description = item.Readable ? item.Text : VisibilityQueries.ConfidentialPlaceholder;
                text.Append(Fold($"SUMMARY:{Escape(item.Readable ? $"Hạn nhiệm vụ {item.Label} – văn bản số {item.Number}" : $"Hạn nhiệm vụ – văn bản số {item.Number}")}"));
                text.Append(Fold($"DESCRIPTION:{Escape(description.Length > 500 ? description[..500] + "…" : description)}"));
                text.Append("END:VEVENT\r\n");
            }

            text.Append("END:VCALENDAR\r\n");
            return Results.Text(text.ToString(), "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 lines are folded at 75 octets; continuation lines start with a space.</summary>
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var bytes = 0;
        foreach (var c in line)
        {
            var size = Encoding.UTF8.GetByteCount([c]);
            if (bytes + size > 74)
            {
                result.Append("\r\n ");
                bytes = 1;
            }

            result.Append(c);
            bytes += size;
        }

        return result.Append("\r\n").ToString();
    }
}
