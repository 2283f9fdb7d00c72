using DirectiveHub.Access;
using DirectiveHub.Calendar;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>
/// The exception view of a committee (<c>/Dashboard/Exceptions</c> and <c>GET /api/exceptions</c>): only the late
/// task assignments of its subtree, red and special red, worst first, with days late counted in working days.
/// </summary>
public sealed class ExceptionList(AppDbContext db, WorkingCalendarService calendars, ExceptionOptions options, TimeProvider clock)
{
    /// <summary>A bound on one view; a committee with more late items narrows it by directive or unit.</summary>
    public const int MaxItems = 2000;

    /// <returns>The items, or null when the viewer may not follow <see cref="ExceptionFilter.OrganizationId"/>'s subtree.</returns>
    public async Task<IReadOnlyList<ExceptionItem>?> LoadAsync(Viewer viewer, ExceptionFilter filter, CancellationToken cancellationToken)
    {
        if (!viewer.SeesSubtree)
        {
            return null;
        }

        var root = await db.Organizations.AsNoTracking().VisibleTo(viewer)
            .Where(o => o.Id == filter.OrganizationId)
            .Select(o => o.Path)
            .SingleOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            return null;
        }

        var today = VietnamTime.Today(clock);

        // "Late" is the one overdue rule every page shows; a deadline still waiting for the unit's receipt is not late.
        var late = db.TaskAssignments.AsNoTracking()
            .Where(TaskAssignmentState.IsOverdue(today))
            .Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(root)));
        if (filter.DirectiveId is { } directiveId)
        {
            late = late.Where(t => t.DirectiveId == directiveId);
        }

        if (filter.UnitId is { } unitId)
        {
            late = late.Where(t => t.OrganizationId == unitId);
        }

        var directives = db.Directives.AsNoTracking().VisibleTo(db, viewer).Where(d => d.Status == DirectiveStatus.Published);
        var rows = await (
                from t in late
                join d in directives on t.DirectiveId equals d.Id
                join task in db.DirectiveTasks on t.TaskId equals task.Id
                join unit in db.Organizations on t.OrganizationId equals unit.Id
                join issuer in db.Organizations on d.IssuerId equals issuer.Id
                orderby t.Deadline, d.Number, task.Position, unit.Name
                select new
                {
                    t.Id,
                    t.DirectiveId,
                    t.TaskId,
                    d.Number,
                    d.Subject,
                    task.Label,
                    task.Text,
                    t.OrganizationId,
                    UnitName = unit.Name,
                    t.Role,
                    Deadline = t.Deadline!.Value,
                    t.Status,
                    Reported = t.LastReportAt != null,
                    Acknowledged = db.Assignments.Any(a => a.DirectiveId == t.DirectiveId && a.OrganizationId == t.OrganizationId && a.AcknowledgedAt != null),
                    LastNote = t.Reports.OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault(),
                    d.IssuerId,
                    IssuerName = issuer.Name,
                })
            .Take(MaxItems)
            .ToListAsync(cancellationToken);

        var calendar = await calendars.LoadAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var daysLate = calendar.WorkingDaysBetween(r.Deadline, today);
                return new ExceptionItem(
                    r.Id,
                    r.DirectiveId,
                    r.TaskId,
                    r.Number,
                    r.Subject,
                    r.Label,
                    r.Text,
                    r.OrganizationId,
                    r.UnitName,
                    r.Role,
                    r.Deadline,
                    daysLate,
                    daysLate >= Math.Max(1, options.SpecialRedWorkingDays) ? ExceptionLevel.SpecialRed : ExceptionLevel.Red,
                    !r.Acknowledged ? ExceptionMissing.NoAcknowledgment : !r.Reported ? ExceptionMissing.NoReport : ExceptionMissing.NoResult,
                    r.Status == ProgressStatus.Blocked ? r.LastNote : null,
                    r.IssuerId,
                    r.IssuerName);
            })
            .OrderByDescending(i => i.Level)
            .ThenByDescending(i => i.DaysLate)
            .ThenBy(i => i.DirectiveNumber, StringComparer.Ordinal)
            .ThenBy(i => i.TaskLabel, StringComparer.Ordinal)
            .ThenBy(i => i.OrganizationName, StringComparer.Ordinal)
            .ToList();
    }

    public static string MissingText(ExceptionMissing missing) => missing switch
    {
        ExceptionMissing.NoAcknowledgment => "Chưa xác nhận đã nhận văn bản",
        ExceptionMissing.NoReport => "Chưa báo cáo tiến độ",
        _ => "Chưa có kết quả hoàn thành",
    };

    public static string LevelText(ExceptionLevel level) => level == ExceptionLevel.SpecialRed ? "Đỏ đặc biệt" : "Đỏ";
}
