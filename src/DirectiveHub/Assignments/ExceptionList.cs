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
        var today = VietnamTime.Today(clock);
        var late = await LateAsync(viewer, filter, today, cancellationToken);
        if (late is null)
        {
            return null;
        }

        var directives = VisibleDirectives(viewer);
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

        var ladder = await LadderAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var daysLate = ladder.DaysLate(r.Deadline, today);
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
                    ladder.IsSpecialRed(r.Deadline, today) ? ExceptionLevel.SpecialRed : ExceptionLevel.Red,
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

    /// <summary>
    /// How many special-red items of the subtree the committee itself must decide (it assigned them): the figure on a
    /// leader's home page, counted in the database with the same selection as the list, without loading it.
    /// </summary>
    public async Task<int?> CountToDecideAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var late = await LateAsync(viewer, new ExceptionFilter(organizationId), today, cancellationToken);
        if (late is null)
        {
            return null;
        }

        var specialRedBy = (await LadderAsync(cancellationToken)).SpecialRedOnOrBefore(today);
        return await late
            .Where(t => t.Deadline <= specialRedBy)
            .Join(VisibleDirectives(viewer).Where(d => d.IssuerId == organizationId), t => t.DirectiveId, d => d.Id, (t, d) => t.Id)
            .CountAsync(cancellationToken);
    }

    // The list's levels and the count's cut-off date come from the one ladder the sweep alerts by.
    private async Task<AlertLadder> LadderAsync(CancellationToken cancellationToken) =>
        new(await calendars.LoadAsync(cancellationToken), 0, options.SpecialRedWorkingDays);

    // "Late" is the one overdue rule every page shows; a deadline still waiting for the unit's receipt is not late.
    private async Task<IQueryable<TaskAssignment>?> LateAsync(Viewer viewer, ExceptionFilter filter, DateOnly today, CancellationToken cancellationToken)
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

        return late;
    }

    private IQueryable<Directive> VisibleDirectives(Viewer viewer) =>
        db.Directives.AsNoTracking().VisibleTo(db, viewer).Where(d => d.Status == DirectiveStatus.Published);

    public static string MissingText(ExceptionMissing missing) => missing switch
    {
        ExceptionMissing.NoAcknowledgment => "Chưa xác nhận đã nhận văn bản",
        ExceptionMissing.NoReport => "Chưa báo cáo tiến độ",
        _ => "Chưa có kết quả hoàn thành",
    };

    public static string LevelText(ExceptionLevel level) => level == ExceptionLevel.SpecialRed ? "Đỏ đặc biệt" : "Đỏ";
}
