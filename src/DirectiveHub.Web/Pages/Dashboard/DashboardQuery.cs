using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Dashboard;

public sealed record DashboardFilter(Guid OrganizationId, DateOnly From, DateOnly To, string? Type = null);

public sealed record TaskAssignmentCounts(int Total, int Open, int Done, int DoneLate, int Overdue);

public sealed record UnitRow(Guid OrganizationId, string Name, int Assigned, int Acknowledged, int Done, int DoneLate, int Overdue, double? OnTimeRate);

/// <summary>One month of the trend: directives issued that month and how their task assignments stand today.</summary>
public sealed record TrendPoint(int Year, int Month, int Directives, int Done, int DoneLate, int Overdue);

public sealed record DashboardView(
    Guid OrganizationId,
    string OrganizationName,
    DateOnly From,
    DateOnly To,
    int Directives,
    TaskAssignmentCounts TaskAssignments,
    double? OnTimeRate,
    double? AcknowledgmentRate,
    double? MedianHoursToAcknowledge,
    IReadOnlyList<UnitRow> Units)
{
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];
}

/// <summary>
/// Compliance figures for a committee's subtree over a period, for the dashboard page, its exports and
/// GET /api/dashboard. The scope is the directives published in the period by units of the subtree; every count is
/// computed by the database (GROUP BY), never by loading entities.
/// <para>Open: not done and not past its deadline. Overdue: not done and past its deadline (Vietnam date).
/// On-time rate: done on time ÷ (done on time + done late + overdue).</para>
/// </summary>
public static class DashboardQuery
{
    public static async Task<DashboardView?> LoadAsync(AppDbContext db, Viewer viewer, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var root = await db.Organizations.AsNoTracking().VisibleTo(viewer)
            .Where(o => o.Id == filter.OrganizationId)
            .Select(o => new { o.Id, o.Name, o.Path })
            .SingleOrDefaultAsync(cancellationToken);
        if (root is null || !viewer.SeesSubtree)
        {
            return null;
        }

        var directives = Directives(db, root.Path, filter);
        var directiveCount = await directives.CountAsync(cancellationToken);
        var tasks = db.TaskAssignments.Where(t => directives.Any(d => d.Id == t.DirectiveId));

        var byUnit = await tasks
            .GroupBy(t => t.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                Assigned = g.Count(),
                Acknowledged = g.Count(t => db.Assignments.Any(a => a.DirectiveId == t.DirectiveId && a.OrganizationId == t.OrganizationId && a.AcknowledgedAt != null)),
                Done = g.Count(t => t.Status == ProgressStatus.Done),
                DoneLate = g.Count(t => t.Status == ProgressStatus.DoneLate),
                Overdue = g.Count(t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Deadline != null && t.Deadline < today),
            })
            .ToListAsync(cancellationToken);
        var ids = byUnit.Select(u => u.OrganizationId).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var units = byUnit
            .Select(u => new UnitRow(u.OrganizationId, names.GetValueOrDefault(u.OrganizationId, "?"), u.Assigned, u.Acknowledged, u.Done, u.DoneLate, u.Overdue, Rate(u.Done, u.Done + u.DoneLate + u.Overdue)))
            .OrderByDescending(u => u.Overdue)
            .ThenBy(u => u.OnTimeRate ?? 1)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

        var total = units.Sum(u => u.Assigned);
        var done = units.Sum(u => u.Done);
        var doneLate = units.Sum(u => u.DoneLate);
        var overdue = units.Sum(u => u.Overdue);
        var counts = new TaskAssignmentCounts(total, total - done - doneLate - overdue, done, doneLate, overdue);

        var receipts = db.Assignments.Where(a => directives.Any(d => d.Id == a.DirectiveId));
        var receiptCount = await receipts.CountAsync(cancellationToken);
        var acknowledged = await receipts.CountAsync(a => a.AcknowledgedAt != null, cancellationToken);

        var trendTasks = await tasks
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new { t.Status, t.Deadline, d.IssuedOn })
            .GroupBy(x => new { x.IssuedOn!.Value.Year, x.IssuedOn!.Value.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Done = g.Count(x => x.Status == ProgressStatus.Done),
                DoneLate = g.Count(x => x.Status == ProgressStatus.DoneLate),
                Overdue = g.Count(x => x.Status != ProgressStatus.Done && x.Status != ProgressStatus.DoneLate && x.Deadline != null && x.Deadline < today),
            })
            .ToListAsync(cancellationToken);
        var trendDirectives = await directives.GroupBy(d => new { d.IssuedOn!.Value.Year, d.IssuedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var trend = trendDirectives
            .Select(d => trendTasks.FirstOrDefault(t => t.Year == d.Year && t.Month == d.Month) is { } t
                ? new TrendPoint(d.Year, d.Month, d.Count, t.Done, t.DoneLate, t.Overdue)
                : new TrendPoint(d.Year, d.Month, d.Count, 0, 0, 0))
            .OrderBy(p => p.Year).ThenBy(p => p.Month)
            .ToList();

        return new DashboardView(
            root.Id,
            root.Name,
            filter.From,
            filter.To,
            directiveCount,
            counts,
            Rate(done, done + doneLate + overdue),
            Rate(acknowledged, receiptCount),
            await MedianHoursAsync(db, directives, root.Path, filter, cancellationToken),
            units)
        {
            Trend = trend,
        };
    }

    /// <summary>The directives of the period issued within the subtree, for the dashboard and the lists behind its numbers.</summary>
    public static IQueryable<Directive> Directives(AppDbContext db, string rootPath, DashboardFilter filter)
    {
        var query = db.Directives.Where(d =>
            d.Status != DirectiveStatus.Draft && d.IssuedOn >= filter.From && d.IssuedOn <= filter.To
            && db.Organizations.Any(o => o.Id == d.IssuerId && o.Path.StartsWith(rootPath)));
        return DocumentType.IsKnown(filter.Type) ? query.Where(d => d.DocumentType == filter.Type) : query;
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static async Task<double?> MedianHoursAsync(AppDbContext db, IQueryable<Directive> directives, string rootPath, DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // percentile_cont over the acknowledgment delays, in the database, with the same scope as Directives().
            var type = DocumentType.IsKnown(filter.Type) ? filter.Type! : string.Empty;
            var median = await db.Database.SqlQuery<double?>($"""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."AcknowledgedAt" - d."PublishedAt")) / 3600.0) AS "Value"
                FROM "Assignments" a
                JOIN "Directives" d ON d."Id" = a."DirectiveId"
                JOIN "Organizations" o ON o."Id" = d."IssuerId"
                WHERE a."AcknowledgedAt" IS NOT NULL AND d."PublishedAt" IS NOT NULL AND d."Status" <> 'Draft'
                  AND d."IssuedOn" >= {filter.From} AND d."IssuedOn" <= {filter.To}
                  AND o."Path" LIKE {rootPath + "%"}
                  AND ({type} = '' OR d."DocumentType" = {type})
                """).ToListAsync(cancellationToken);
            return median.SingleOrDefault() is { } hours ? Math.Round(hours, 1) : null;
        }

        // The embedded SQLite default serves one office: its few delays are ordered in memory.
        var pairs = await db.Assignments.Where(a => a.AcknowledgedAt != null)
            .Join(directives, a => a.DirectiveId, d => d.Id, (a, d) => new { a.AcknowledgedAt, d.PublishedAt })
            .Where(p => p.PublishedAt != null)
            .ToListAsync(cancellationToken);
        var delays = pairs.Select(p => (p.AcknowledgedAt!.Value - p.PublishedAt!.Value).TotalHours).Order().ToList();
        if (delays.Count == 0)
        {
            return null;
        }

        var middle = delays.Count / 2;
        return Math.Round(delays.Count % 2 == 1 ? delays[middle] : (delays[middle - 1] + delays[middle]) / 2, 1);
    }

    /// <summary>"This month" in Vietnam time, the dashboard's default period.</summary>
    public static (DateOnly From, DateOnly To) ThisMonth(TimeProvider clock)
    {
        var today = VietnamTime.Today(clock);
        var from = new DateOnly(today.Year, today.Month, 1);
        return (from, from.AddMonths(1).AddDays(-1));
    }
}
