using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Dashboards;

/// <summary>
/// Compliance figures for a committee's subtree over a period, for the dashboard page, its exports and
/// GET /api/dashboard. Its figures count the task assignments of the directives issued by units of the subtree
/// (<see cref="IssuedTasks"/>, "Văn bản đơn vị ban hành") and, beside them, those assigned to units of the subtree
/// (<see cref="ReceivedTasks"/>, "Nhiệm vụ đơn vị được giao"). The period filters what was issued and what was done;
/// what is open or overdue is a stock, counted whatever the period (<see cref="Counted"/>). Every count is computed by
/// the database (GROUP BY), never by loading entities.
/// <para>States are <see cref="TaskAssignmentState"/>'s (open, overdue, done on time, done late; unfinished work of a
/// directive no longer in force is not counted). On-time rate: done on time ÷ (done on time + done late + overdue).
/// Confidential directives are counted like any other; where a list names one the viewer may not read, it shows its
/// number and <see cref="VisibilityQueries.ConfidentialPlaceholder"/> (<see cref="VisibilityQueries.ContentVisibleTo(AppDbContext, Viewer)"/>).</para>
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

        // From the period's directives (few, by the IssuedOn index) to their rows (by the DirectiveId indexes): written
        // as a join so that PostgreSQL does not scan every task assignment and receipt looking for the period's.
        var tasks = Stated(db, directives, today);

        // The table and the cards: what the period issued and what it saw done, and what is open or overdue now,
        // whenever it was issued (a stock: a 2021 task still overdue is overdue this month too). Read from the
        // summaries, brought up to date with every write saved before this request.
        await TaskFigures.RefreshPendingAsync(db, cancellationToken);
        var byUnit = await TaskFigures.ByUnitAsync(TaskFigures.Issued(db, root.Path, filter), filter.From, filter.To, today, cancellationToken);
        var counted = Counted(db, IssuedTasks(db, root.Path, filter), filter, today);
        var subtree = await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(root.Path))
            .Select(o => new OrganizationNode(o.Id, o.ParentId, o.Name, o.Depth))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var outside = byUnit.Keys.Where(id => !subtree.ContainsKey(id)).ToList();
        var names = subtree.Values.ToDictionary(o => o.Id, o => o.Name);
        if (outside.Count > 0)
        {
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => outside.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            {
                names[o.Id] = o.Name;
            }
        }

        var units = byUnit
            .Select(u => new UnitRow(u.Key, names.GetValueOrDefault(u.Key, "?"), u.Value.Assigned, u.Value.Acknowledged, u.Value.Done, u.Value.DoneLate, u.Value.Overdue, Rate(u.Value.Done, u.Value.Done + u.Value.DoneLate + u.Value.Overdue)))
            .OrderByDescending(u => u.Overdue)
            .ThenBy(u => u.OnTimeRate ?? 1)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

        var total = units.Sum(u => u.Assigned);
        var done = units.Sum(u => u.Done);
        var doneLate = units.Sum(u => u.DoneLate);
        var overdue = units.Sum(u => u.Overdue);
        var counts = new TaskAssignmentCounts(total, byUnit.Values.Sum(u => u.Open), done, doneLate, overdue);

        var receipts = await directives.SelectMany(d => db.Assignments.Where(a => a.DirectiveId == d.Id))
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Acknowledged = g.Count(a => a.AcknowledgedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        var receiptCount = receipts?.Total ?? 0;
        var acknowledged = receipts?.Acknowledged ?? 0;

        // Grouped by day in the database (at most one row per day of the period), then folded into weeks or months.
        var dailyTasks = await tasks
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new { t.State, d.IssuedOn })
            .GroupBy(x => x.IssuedOn)
            .Select(g => new
            {
                Day = g.Key,
                Done = g.Count(x => x.State == TaskState.DoneOnTime),
                DoneLate = g.Count(x => x.State == TaskState.DoneLate),
                Overdue = g.Count(x => x.State == TaskState.Overdue),
            })
            .ToListAsync(cancellationToken);
        var dailyDirectives = await directives.GroupBy(d => d.IssuedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        DateOnly Bucket(DateOnly? day) => filter.Weekly ? WeekStart(day!.Value) : new DateOnly(day!.Value.Year, day.Value.Month, 1);
        var taskBuckets = dailyTasks.GroupBy(t => Bucket(t.Day)).ToDictionary(g => g.Key, g => (Done: g.Sum(x => x.Done), DoneLate: g.Sum(x => x.DoneLate), Overdue: g.Sum(x => x.Overdue)));
        var directiveBuckets = dailyDirectives.GroupBy(d => Bucket(d.Day)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var dense = TrendBuckets(filter).Take(MaxTrendBuckets + 1).Count() <= MaxTrendBuckets;
        var trend = TrendBuckets(filter)
            .Select(start => (Start: start, Directives: directiveBuckets.GetValueOrDefault(start), Tasks: taskBuckets.GetValueOrDefault(start)))
            // Every month (or week) of the period, an empty one too: a chart that skips them draws a false slope. A
            // period of decades would be unreadable that way; it shows only the buckets with something in them.
            .Where(b => dense || b.Directives > 0 || b.Tasks != default)
            // The first bucket may begin before the period (the week of its first day): it is labelled from the period's start.
            .Select(b => new TrendPoint(b.Start < filter.From ? filter.From : b.Start, b.Directives, b.Tasks.Done, b.Tasks.DoneLate, b.Tasks.Overdue))
            .ToList();

        var readable = db.Directives.Where(VisibilityQueries.ContentVisibleTo(db, viewer)).Select(d => d.Id);
        var oldestOverdue = await (
                from t in counted
                where t.State == TaskState.Overdue
                join task in db.DirectiveTasks on t.TaskId equals task.Id
                join d in db.Directives on t.DirectiveId equals d.Id
                join o in db.Organizations on t.OrganizationId equals o.Id
                orderby t.Deadline, d.Number, o.Name
                select new { d.Id, d.Number, task.Label, task.Text, o.Name, Deadline = t.Deadline!.Value, Readable = readable.Contains(d.Id) })
            .Take(10)
            .ToListAsync(cancellationToken);

        var tree = Tree(root.Id, subtree, units);
        var heatMap = await HeatMapAsync(db, directives, today, root.Id, subtree, cancellationToken);

        return new DashboardView(
            root.Id,
            root.Name,
            filter.From,
            filter.To,
            dailyDirectives.Sum(d => d.Count),
            counts,
            Rate(done, done + doneLate + overdue),
            Rate(acknowledged, receiptCount),
            await MedianHoursAsync(db, directives, root.Path, filter, cancellationToken),
            units)
        {
            Trend = trend,
            OldestOverdue = oldestOverdue.Select(o => new OverdueItem(o.Id, o.Number, o.Readable ? o.Label : string.Empty, o.Readable ? o.Text : VisibilityQueries.ConfidentialPlaceholder, o.Name, o.Deadline, today.DayNumber - o.Deadline.DayNumber)).ToList(),
            Tree = tree,
            HeatMap = heatMap,
            Issuers = await IssuersAsync(db, root.Path, filter, cancellationToken),
            Lifecycle = await LifecycleFigures.LoadAsync(db, directives, today, DueSoonDays, cancellationToken),
            Received = await ReceivedAsync(db, root.Path, filter, today, cancellationToken),
        };
    }

    /// <summary>More months or weeks than this, and the trend lists only those with figures.</summary>
    private const int MaxTrendBuckets = 120;

    /// <summary>The start of every month (or ISO week) that overlaps the period, in order.</summary>
    private static IEnumerable<DateOnly> TrendBuckets(DashboardFilter filter)
    {
        var start = filter.Weekly ? WeekStart(filter.From) : new DateOnly(filter.From.Year, filter.From.Month, 1);
        for (var bucket = start; bucket <= filter.To; bucket = filter.Weekly ? bucket.AddDays(7) : bucket.AddMonths(1))
        {
            yield return bucket;
        }
    }

    private sealed record OrganizationNode(Guid Id, Guid? ParentId, string Name, int Depth);

    /// <summary>Monday of the (ISO) week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// How many levels below the root the unit tree lists: a province's thousand units would make a page nobody can
    /// read (or load on a phone); deeper levels are one click away, on the dashboard of the unit above them.
    /// </summary>
    public const int TreeDepth = 2;

    /// <summary>
    /// "Sắp đến hạn" on the dashboard: the yellow alert's default span, read as calendar days (a query cannot walk the
    /// working calendar per row; the alert itself counts working days).
    /// </summary>
    public static readonly int DueSoonDays = new OverdueOptions().YellowWorkingDays;

    /// <summary>Adds each unit's figures to every ancestor up to the root; lists the units with any, worst siblings first.</summary>
    private static List<TreeRow> Tree(Guid rootId, Dictionary<Guid, OrganizationNode> subtree, IReadOnlyList<UnitRow> units)
    {
        var totals = new Dictionary<Guid, int[]>();
        foreach (var unit in units.Where(u => subtree.ContainsKey(u.OrganizationId)))
        {
            for (Guid? id = unit.OrganizationId; id is { } current && subtree.TryGetValue(current, out var node); id = current == rootId ? null : node.ParentId)
            {
                if (!totals.TryGetValue(current, out var sum))
                {
                    totals[current] = sum = new int[5];
                }

                sum[0] += unit.Assigned;
                sum[1] += unit.Acknowledged;
                sum[2] += unit.Done;
                sum[3] += unit.DoneLate;
                sum[4] += unit.Overdue;
            }
        }

        var children = totals.Keys.Where(id => id != rootId && subtree[id].ParentId is not null).ToLookup(id => subtree[id].ParentId!.Value);
        var rows = new List<TreeRow>(totals.Count);
        void Add(Guid id, int depth)
        {
            var sum = totals[id];
            var kids = children[id]
                .OrderByDescending(k => totals[k][4])
                .ThenBy(k => Rate(totals[k][2], totals[k][2] + totals[k][3] + totals[k][4]) ?? 1)
                .ThenBy(k => subtree[k].Name, StringComparer.Ordinal)
                .ToList();
            rows.Add(new TreeRow(id, id == rootId ? null : subtree[id].ParentId, subtree[id].Name, depth, kids.Count > 0, sum[0], sum[1], sum[2], sum[3], sum[4], Rate(sum[2], sum[2] + sum[3] + sum[4])));
            if (depth == TreeDepth)
            {
                return;
            }

            foreach (var kid in kids)
            {
                Add(kid, depth + 1);
            }
        }

        if (totals.ContainsKey(rootId))
        {
            Add(rootId, 0);
        }

        return rows;
    }

    private const int HeatMapColumns = 12;

    /// <summary>The period's latest directives (columns) × the root's children with their subtrees (rows), from one grouped query.</summary>
    private static async Task<HeatMap?> HeatMapAsync(
        AppDbContext db, IQueryable<Directive> directives, DateOnly today, Guid rootId, Dictionary<Guid, OrganizationNode> subtree, CancellationToken cancellationToken)
    {
        var columns = await directives
            .Where(d => db.TaskAssignments.Any(t => t.DirectiveId == d.Id))
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Sequence)
            .Select(d => new HeatMapDirective(d.Id, d.Number, d.IssuedOn))
            .Take(HeatMapColumns)
            .ToListAsync(cancellationToken);
        if (columns.Count == 0)
        {
            return null;
        }

        var columnIds = columns.Select(c => c.Id).ToList();
        // Cancelled work too (Stated leaves it out): a cell counts it beside the rate, as the lifecycle sheet does.
        var cells = await db.TaskAssignments.Where(t => columnIds.Contains(t.DirectiveId))
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, TaskAssignmentState.OnJoined(today))
            .Where(t => t.State != TaskState.Closed)
            .GroupBy(t => new { t.DirectiveId, t.OrganizationId })
            .Select(g => new
            {
                g.Key.DirectiveId,
                g.Key.OrganizationId,
                // Cancelled work leaves the rates and is counted on its own, as on the lifecycle sheet.
                Assigned = g.Count(t => t.State != TaskState.Cancelled),
                Finished = g.Count(t => t.State == TaskState.DoneOnTime || t.State == TaskState.DoneLate),
                Overdue = g.Count(t => t.State == TaskState.Overdue),
                Awaiting = g.Count(t => t.Status == ProgressStatus.AwaitingConfirmation && t.State == TaskState.Open),
                Returned = g.Count(t => t.Status == ProgressStatus.Returned),
                Cancelled = g.Count(t => t.State == TaskState.Cancelled),
            })
            .ToListAsync(cancellationToken);

        // Each unit's figures go to the root's child it lies under (or to the root's own row).
        Guid? RowOf(Guid organizationId)
        {
            for (Guid? id = organizationId; id is { } current && subtree.TryGetValue(current, out var node); id = node.ParentId)
            {
                if (current == rootId || node.ParentId == rootId)
                {
                    return current;
                }
            }

            return null;
        }

        var sums = new Dictionary<(Guid Row, Guid Directive), int[]>();
        foreach (var cell in cells)
        {
            if (RowOf(cell.OrganizationId) is not { } row)
            {
                continue;
            }

            if (!sums.TryGetValue((row, cell.DirectiveId), out var sum))
            {
                sums[(row, cell.DirectiveId)] = sum = new int[6];
            }

            sum[0] += cell.Assigned;
            sum[1] += cell.Finished;
            sum[2] += cell.Overdue;
            sum[3] += cell.Awaiting;
            sum[4] += cell.Returned;
            sum[5] += cell.Cancelled;
        }

        var rows = sums.Keys.Select(k => k.Row).Distinct()
            .Select(row => new HeatMapRow(row, subtree[row].Name, columns.Select(c => sums.TryGetValue((row, c.Id), out var s) ? new HeatMapCell(s[0], s[1], s[2]) { AwaitingConfirmation = s[3], Returned = s[4], Cancelled = s[5] } : null).ToList()))
            .OrderByDescending(r => r.Cells.Sum(c => c?.Overdue ?? 0))
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new HeatMap(columns, rows, await directives.CountAsync(d => db.TaskAssignments.Any(t => t.DirectiveId == d.Id), cancellationToken));
    }

    /// <summary>
    /// One page of the period's directives, newest first, each with its task assignments' progress (one grouped query
    /// for the page) and its cascade two levels down (one query per level).
    /// </summary>
    public static async Task<(IReadOnlyList<DirectiveProgress> Rows, int Total)?> ByDirectiveAsync(
        AppDbContext db, Viewer viewer, DashboardFilter filter, DateOnly today, int page, int pageSize, CancellationToken cancellationToken)
    {
        var root = await db.Organizations.AsNoTracking().VisibleTo(viewer).Where(o => o.Id == filter.OrganizationId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
        if (root is null || !viewer.SeesSubtree)
        {
            return null;
        }

        var directives = Directives(db, root, filter);
        var total = await directives.CountAsync(cancellationToken);
        var readable = VisibilityQueries.ContentVisibleTo(db, viewer);
        var rows = await directives.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Sequence).ThenBy(d => d.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(d => new { d.Id, d.Number, d.Subject, d.IssuerName, d.IssuedOn })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var readableIds = (await db.Directives.Where(d => ids.Contains(d.Id)).Where(readable).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var counts = await db.TaskAssignments.Where(t => ids.Contains(t.DirectiveId))
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, TaskAssignmentState.OnJoined(today))
            .Where(t => t.State != TaskState.Closed)
            .GroupBy(t => t.DirectiveId)
            .Select(g => new
            {
                DirectiveId = g.Key,
                Assigned = g.Count(t => t.State != TaskState.Cancelled),
                Done = g.Count(t => t.State == TaskState.DoneOnTime),
                DoneLate = g.Count(t => t.State == TaskState.DoneLate),
                Overdue = g.Count(t => t.State == TaskState.Overdue),
                // The lifecycle sheet's definitions (LifecycleFigures), per directive instead of per unit.
                Awaiting = g.Count(t => t.Status == ProgressStatus.AwaitingConfirmation && t.State == TaskState.Open),
                Returned = g.Count(t => t.Status == ProgressStatus.Returned),
                Cancelled = g.Count(t => t.State == TaskState.Cancelled),
            })
            .ToDictionaryAsync(c => c.DirectiveId, cancellationToken);
        var cascade = await TrackingQuery.CascadeByParentAsync(db, ids, today, 2, cancellationToken);
        return (rows.Select(r =>
            {
                var subject = readableIds.Contains(r.Id) ? r.Subject : VisibilityQueries.ConfidentialPlaceholder;
                return counts.TryGetValue(r.Id, out var c)
                    ? new DirectiveProgress(r.Id, r.Number, subject, r.IssuerName, r.IssuedOn, c.Assigned, c.Done, c.DoneLate, c.Overdue, cascade.GetValueOrDefault(r.Id) ?? [])
                    {
                        AwaitingConfirmation = c.Awaiting,
                        Returned = c.Returned,
                        Cancelled = c.Cancelled,
                    }
                    : new DirectiveProgress(r.Id, r.Number, subject, r.IssuerName, r.IssuedOn, 0, 0, 0, 0, cascade.GetValueOrDefault(r.Id) ?? []);
            })
            .ToList(), total);
    }

    private static async Task<List<IssuerOption>> IssuersAsync(AppDbContext db, string rootPath, DashboardFilter filter, CancellationToken cancellationToken) =>
        await Directives(db, rootPath, filter with { IssuerId = null })
            .Select(d => d.IssuerId)
            .Distinct()
            .Join(db.Organizations, id => id, o => o.Id, (_, o) => new { o.Id, o.Name, o.Path })
            .OrderBy(o => o.Path)
            .Select(o => new IssuerOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The directives of the period issued within the subtree, for the dashboard and the lists behind its numbers.</summary>
    public static IQueryable<Directive> Directives(AppDbContext db, string rootPath, DashboardFilter filter) =>
        Issued(db, rootPath, filter).Where(d => d.IssuedOn >= filter.From && d.IssuedOn <= filter.To);

    /// <summary>The directives issued within the subtree of the filter's type and issuer, whatever their date.</summary>
    public static IQueryable<Directive> Issued(AppDbContext db, string rootPath, DashboardFilter filter)
    {
        var query = db.Directives.Where(d =>
            d.Status != DirectiveStatus.Draft && db.Organizations.Any(o => o.Id == d.IssuerId && o.Path.StartsWith(rootPath)));
        if (filter.IssuerId is { } issuer)
        {
            query = query.Where(d => d.IssuerId == issuer);
        }

        return DocumentType.IsKnown(filter.Type) ? query.Where(d => d.DocumentType == filter.Type) : query;
    }

    /// <summary>"Văn bản đơn vị ban hành": the task assignments of every directive the subtree issued (of the filter's type and issuer).</summary>
    public static IQueryable<TaskAssignment> IssuedTasks(AppDbContext db, string rootPath, DashboardFilter filter) =>
        Issued(db, rootPath, filter).SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id));

    /// <summary>
    /// "Nhiệm vụ đơn vị được giao": the task assignments of the subtree's units, whoever issued their directive (of
    /// the filter's type). The issuer filter picks among the subtree's issuers and does not apply here.
    /// </summary>
    public static IQueryable<TaskAssignment> ReceivedTasks(AppDbContext db, string rootPath, DashboardFilter filter)
    {
        var query = db.TaskAssignments.Where(t =>
            t.Directive!.Status != DirectiveStatus.Draft && db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(rootPath)));
        return DocumentType.IsKnown(filter.Type) ? query.Where(t => t.Directive!.DocumentType == filter.Type) : query;
    }

    /// <summary>
    /// What a dashboard counts of <paramref name="assignments"/>, each with its <see cref="TaskAssignmentState"/> on
    /// <paramref name="today"/>: those whose directive the period issued, those done with a result submitted in the
    /// period (a Vietnam date), and (a stock, whatever the period) every one open or overdue now.
    /// </summary>
    public static IQueryable<CountedTask> Counted(AppDbContext db, IQueryable<TaskAssignment> assignments, DashboardFilter filter, DateOnly today)
    {
        var doneFrom = VietnamTime.LateFromUtc(filter.From.AddDays(-1));
        var doneTo = VietnamTime.LateFromUtc(filter.To);
        return assignments.Join(db.Directives, t => t.DirectiveId, d => d.Id, TaskAssignmentState.OnJoined(today))
            .Where(t => t.State != TaskState.Closed && t.State != TaskState.Cancelled)
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new CountedTask
            {
                DirectiveId = t.DirectiveId,
                TaskId = t.TaskId,
                OrganizationId = t.OrganizationId,
                Role = t.Role,
                Deadline = t.Deadline,
                Status = t.Status,
                State = t.State,
                IssuedInPeriod = d.IssuedOn >= filter.From && d.IssuedOn <= filter.To,
                DoneInPeriod = (t.State == TaskState.DoneOnTime || t.State == TaskState.DoneLate) && t.CompletedAt >= doneFrom && t.CompletedAt < doneTo,
            })
            .Where(t => t.IssuedInPeriod || t.DoneInPeriod || t.State == TaskState.Open || t.State == TaskState.Overdue);
    }

    /// <summary>One figure behind a dashboard number: "all" (assigned in the period), "done", "doneLate", "open", "overdue".</summary>
    public static IQueryable<CountedTask> WithStatus(IQueryable<CountedTask> tasks, string? status) => status switch
    {
        "all" => tasks.Where(t => t.IssuedInPeriod),
        "done" => tasks.Where(t => t.State == TaskState.DoneOnTime && t.DoneInPeriod),
        "doneLate" => tasks.Where(t => t.State == TaskState.DoneLate && t.DoneInPeriod),
        "overdue" => tasks.Where(t => t.State == TaskState.Overdue),
        "open" => tasks.Where(t => t.State == TaskState.Open),
        _ => tasks,
    };

    private static async Task<ReceivedFigures> ReceivedAsync(AppDbContext db, string rootPath, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var units = (await TaskFigures.ByUnitAsync(TaskFigures.Received(db, rootPath, filter), filter.From, filter.To, today, cancellationToken)).Values;
        var counts = new TaskAssignmentCounts(units.Sum(u => u.Assigned), units.Sum(u => u.Open), units.Sum(u => u.Done), units.Sum(u => u.DoneLate), units.Sum(u => u.Overdue));
        return new ReceivedFigures(counts, units.Sum(u => u.Acknowledged), Rate(counts.Done, counts.Done + counts.DoneLate + counts.Overdue));
    }

    /// <summary>The task assignments of <paramref name="directives"/> that count, with their state on <paramref name="today"/>.</summary>
    public static IQueryable<StatedTaskAssignment> Stated(AppDbContext db, IQueryable<Directive> directives, DateOnly today) =>
        directives.SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id))
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, TaskAssignmentState.OnJoined(today))
            .Where(t => t.State != TaskState.Closed && t.State != TaskState.Cancelled);

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static async Task<double?> MedianHoursAsync(AppDbContext db, IQueryable<Directive> directives, string rootPath, DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // percentile_cont over the acknowledgment delays, in the database, with the same scope as Directives(): every
            // filter of it is repeated here, and ProviderParityTests compares this with the SQLite branch.
            var type = DocumentType.IsKnown(filter.Type) ? filter.Type! : string.Empty;
            var issuer = filter.IssuerId ?? Guid.Empty;
            var median = await db.Database.SqlQuery<double?>($"""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."AcknowledgedAt" - d."PublishedAt")) / 3600.0) AS "Value"
                FROM "Directives" d
                JOIN "Organizations" o ON o."Id" = d."IssuerId"
                CROSS JOIN LATERAL (SELECT a."AcknowledgedAt" FROM "Assignments" a WHERE a."DirectiveId" = d."Id") a
                WHERE a."AcknowledgedAt" IS NOT NULL AND d."PublishedAt" IS NOT NULL AND d."Status" <> 'Draft'
                  AND d."IssuedOn" >= {filter.From} AND d."IssuedOn" <= {filter.To}
                  AND o."Path" LIKE {rootPath + "%"}
                  AND ({type} = '' OR d."DocumentType" = {type})
                  AND ({issuer} = '00000000-0000-0000-0000-000000000000'::uuid OR d."IssuerId" = {issuer})
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

    /// <summary>
    /// The task assignments behind a number of the dashboard (at most <paramref name="limit"/>): of one unit, or with
    /// <paramref name="below"/> of the unit and every unit beneath it; of one directive; in one state ("done",
    /// "doneLate", "overdue", "open" or all: see <see cref="WithStatus"/>); with <paramref name="assigned"/> of the tasks
    /// the subtree was assigned rather than those it issued. Null when the viewer may not see the dashboard's unit.
    /// </summary>
    public static async Task<IReadOnlyList<DashboardItem>?> ItemsAsync(
        AppDbContext db, Viewer viewer, DashboardFilter filter, Guid? unit, bool below, Guid? directive, string? status, bool assigned, DateOnly today, int limit, CancellationToken cancellationToken)
    {
        var root = await db.Organizations.AsNoTracking().VisibleTo(viewer).Where(o => o.Id == filter.OrganizationId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
        if (root is null || !viewer.SeesSubtree)
        {
            return null;
        }

        var tasks = Counted(db, assigned ? ReceivedTasks(db, root, filter) : IssuedTasks(db, root, filter), filter, today);
        if (directive is { } only)
        {
            tasks = tasks.Where(t => t.DirectiveId == only);
        }

        if (unit is { } unitId && below)
        {
            var unitPath = db.Organizations.Where(o => o.Id == unitId).Select(o => o.Path);
            tasks = tasks.Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && unitPath.Any(p => o.Path.StartsWith(p))));
        }
        else if (unit is { } unitOnly)
        {
            tasks = tasks.Where(t => t.OrganizationId == unitOnly);
        }

        tasks = WithStatus(tasks, status);
        var readable = db.Directives.Where(VisibilityQueries.ContentVisibleTo(db, viewer)).Select(d => d.Id);
        var rows = await (
                from t in tasks
                join task in db.DirectiveTasks on t.TaskId equals task.Id
                join d in db.Directives on t.DirectiveId equals d.Id
                join o in db.Organizations on t.OrganizationId equals o.Id
                orderby t.Deadline, d.Number
                select new { d.Id, d.Number, task.Label, task.Text, o.Name, t.Role, t.Deadline, t.Status, t.State, Readable = readable.Contains(d.Id) })
            .AsNoTracking()
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DashboardItem(
                r.Id,
                r.Number,
                r.Readable ? r.Label : string.Empty,
                r.Readable ? r.Text : VisibilityQueries.ConfidentialPlaceholder,
                r.Name,
                r.Role,
                r.Deadline,
                r.Status,
                r.State == TaskState.Overdue))
            .ToList();
    }
}
