using System.Linq.Expressions;
using System.Runtime.InteropServices;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;
using NpgsqlTypes;

namespace DirectiveHub.Dashboards;

/// <summary>
/// The dashboards' summaries (<see cref="TaskFigure"/>, <see cref="DirectiveFigure"/>): what a dashboard counts per
/// unit, read from a few rows per unit and grain instead of the whole history of task assignments.
/// <para>Kept up to date by directive: a save that changes a directive's task assignments, receipts or status queues
/// it (<see cref="ChangedDirective"/>, in the save's transaction); <see cref="RefreshPendingAsync"/> recounts each
/// queued directive from its rows with <see cref="TaskAssignmentState"/>'s rule, and moves the difference into the
/// summaries. Refreshes run one at a time (an advisory lock on PostgreSQL), so two never add the same difference.
/// Every dashboard refreshes before it reads; no background worker drains the queue yet (a dashboard right after a large
/// publish pays the recount).</para>
/// <para>Nothing in a summary depends on today: overdue is read at query time from the outstanding work's deadlines.
/// <see cref="RebuildAsync"/> recounts everything (<c>directivehub rebuild-summaries</c>).</para>
/// </summary>
public static class TaskFigures
{
    /// <summary>Directives recounted per transaction.</summary>
    private const int BatchSize = 500;

    /// <summary>PostgreSQL advisory lock key of the refresh ("figures").</summary>
    private const long LockKey = 0x6669677572657321;

    /// <summary>SQLite serves one process: refreshes take turns here.</summary>
    private static readonly SemaphoreSlim SqliteTurn = new(1, 1);

    /// <summary>Figures are dated up to this day; the ranges never step past it (DateOnly.MaxValue marks "never overdue").</summary>
    private static readonly DateOnly LastDatedDay = new(9998, 12, 31);

    private static readonly DateOnly Undated = DateOnly.MaxValue;

    /// <summary>The directive whose figures the change of <paramref name="entry"/> may change, if any.</summary>
    public static Guid? ChangedDirective(EntityEntry entry)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached)
        {
            return null;
        }

        bool Changed(params string[] properties) =>
            entry.State != EntityState.Modified || properties.Any(p => entry.Property(p).IsModified);

        return entry.Entity switch
        {
            TaskAssignment t when Changed(nameof(TaskAssignment.Status), nameof(TaskAssignment.Deadline), nameof(TaskAssignment.CompletedAt), nameof(TaskAssignment.ReassignedToId), nameof(TaskAssignment.OrganizationId)) => t.DirectiveId,
            Assignment a when Changed(nameof(Assignment.AcknowledgedAt), nameof(Assignment.OrganizationId)) => a.DirectiveId,
            Directive d when Changed(nameof(Directive.Status), nameof(Directive.IssuedOn), nameof(Directive.IssuerId), nameof(Directive.DocumentType)) => d.Id,
            _ => null,
        };
    }

    /// <summary>Recounts every queued directive; returns how many.</summary>
    public static async Task<int> RefreshPendingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var total = 0;
        while (await db.FigureRefreshes.AnyAsync(cancellationToken))
        {
            var done = await InTurnAsync(db, async token =>
            {
                var queued = await db.FigureRefreshes.OrderBy(q => q.Id).Take(BatchSize).ToListAsync(token);
                await RecountAsync(db, queued.Select(q => q.DirectiveId).Distinct().ToList(), token);
                db.FigureRefreshes.RemoveRange(queued);
                await db.SaveChangesAsync(token);
                return queued.Count;
            }, cancellationToken);
            if (done == 0)
            {
                break;
            }

            total += done;
        }

        return total;
    }

    /// <summary>
    /// Drops the summaries and counts them again from every directive, in one transaction (writes made meanwhile are
    /// queued and recounted after it); returns the directives counted. The per-directive rows are counted here by the
    /// same rule as a refresh and written in bulk (binary COPY on PostgreSQL); the per-unit rows at their three grains
    /// are then summed from them by the database, so a province of millions of rows is never held in memory.
    /// </summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken) =>
        InTurnAsync(db, async token =>
        {
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            try
            {
                await db.FigureRefreshes.ExecuteDeleteAsync(token);
                await db.TaskFigures.ExecuteDeleteAsync(token);
                await db.DirectiveFigures.ExecuteDeleteAsync(token);
                var counted = 0;
                while (true)
                {
                    // Paged by offset: a directive added meanwhile shifts the pages, but its own write queued it.
                    var batch = await db.Directives.AsNoTracking()
                        .Where(d => d.Status != DirectiveStatus.Draft)
                        .OrderBy(d => d.Id)
                        .Select(d => d.Id)
                        .Skip(counted)
                        .Take(BatchSize * 4)
                        .ToListAsync(token);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    var rows = (await ContributionsAsync(db, batch, token))
                        .Select(r => new DirectiveFigure(r.Key.Directive, r.Key.Organization, r.Key.Measure, r.Key.Day, r.Value.Issuer, r.Value.Type, r.Value.Count));
                    await WriteAsync(db, rows, token);
                    counted += batch.Count;
                }

                await db.Database.ExecuteSqlRawAsync(SummedFromDirectives(db.Provider), token);
                return counted;
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }
        }, cancellationToken);

    /// <summary>Adds <paramref name="rows"/> to the per-directive summary: one binary COPY on PostgreSQL.</summary>
    private static async Task WriteAsync(AppDbContext db, IEnumerable<DirectiveFigure> rows, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            db.DirectiveFigures.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "DirectiveFigures" ("DirectiveId", "OrganizationId", "Measure", "Day", "IssuerId", "DocumentType", "Count") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        copy.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.DirectiveId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(row.OrganizationId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync((int)row.Measure, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Day, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(row.IssuerId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(row.DocumentType, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Count, NpgsqlDbType.Integer, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The statement that fills <see cref="TaskFigure"/> from <see cref="DirectiveFigure"/> at the three grains, dated
    /// as <see cref="Grains"/> dates them (SQLite keeps a date as its ISO text; Npgsql writes DateOnly.MaxValue, the
    /// undated outstanding work, as infinity, whose month and year are those of 9999-12-31).
    /// </summary>
    private static string SummedFromDirectives(DatabaseProvider provider)
    {
        var (month, year) = provider == DatabaseProvider.Sqlite
            ? ("""substr("Day", 1, 8) || '01'""", """substr("Day", 1, 5) || '01-01'""")
            : ("""make_date(CAST(extract(year FROM least("Day", DATE '9999-12-31')) AS integer), CAST(extract(month FROM least("Day", DATE '9999-12-31')) AS integer), 1)""",
                """make_date(CAST(extract(year FROM least("Day", DATE '9999-12-31')) AS integer), 1, 1)""");
        string Grain(FigureGrain grain, string day) =>
            $"""SELECT "IssuerId", "OrganizationId", "DocumentType", "Measure", {(int)grain} AS "Grain", {day} AS "Day", SUM("Count") AS "Count" FROM "DirectiveFigures" GROUP BY "IssuerId", "OrganizationId", "DocumentType", "Measure", {day}""";
        const string day = "\"Day\"";
        return $"""
            INSERT INTO "TaskFigures" ("IssuerId", "OrganizationId", "DocumentType", "Measure", "Grain", "Day", "Count")
            {Grain(FigureGrain.Day, day)}
            UNION ALL {Grain(FigureGrain.Month, month)}
            UNION ALL {Grain(FigureGrain.Year, year)};
            """;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, alone among refreshes; leaves nothing tracked.</summary>
    private static async Task<int> InTurnAsync(AppDbContext db, Func<CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        if (sqlite)
        {
            await SqliteTurn.WaitAsync(cancellationToken);
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                if (!sqlite)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", token);
                }

                var result = await work(token);
                await transaction.CommitAsync(token);
                db.ChangeTracker.Clear();
                return result;
            }, cancellationToken);
        }
        finally
        {
            if (sqlite)
            {
                SqliteTurn.Release();
            }
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct ContributionKey(Guid Directive, Guid Organization, FigureMeasure Measure, DateOnly Day);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Contribution(Guid Issuer, string Type, int Count);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct SummaryKey(Guid Issuer, Guid Organization, string Type, FigureMeasure Measure, FigureGrain Grain, DateOnly Day);

    /// <summary>Replaces the figures of <paramref name="directives"/> with a fresh count, and moves the difference into the summary.</summary>
    private static async Task RecountAsync(AppDbContext db, List<Guid> directives, CancellationToken cancellationToken)
    {
        var fresh = await ContributionsAsync(db, directives, cancellationToken);
        var stored = await db.DirectiveFigures.Where(f => directives.Contains(f.DirectiveId)).ToListAsync(cancellationToken);
        var deltas = new Dictionary<SummaryKey, int>();
        void Move(Guid issuer, Guid organization, string type, FigureMeasure measure, DateOnly day, int count)
        {
            foreach (var (grain, start) in Grains(day))
            {
                var key = new SummaryKey(issuer, organization, type, measure, grain, start);
                deltas[key] = deltas.GetValueOrDefault(key) + count;
            }
        }

        foreach (var row in stored)
        {
            var key = new ContributionKey(row.DirectiveId, row.OrganizationId, row.Measure, row.Day);
            Move(row.IssuerId, row.OrganizationId, row.DocumentType, row.Measure, row.Day, -row.Count);
            if (fresh.Remove(key, out var now))
            {
                row.Recount(now.Issuer, now.Type, now.Count);
                Move(now.Issuer, row.OrganizationId, now.Type, row.Measure, row.Day, now.Count);
            }
            else
            {
                db.DirectiveFigures.Remove(row);
            }
        }

        foreach (var (key, value) in fresh)
        {
            db.DirectiveFigures.Add(new DirectiveFigure(key.Directive, key.Organization, key.Measure, key.Day, value.Issuer, value.Type, value.Count));
            Move(value.Issuer, key.Organization, value.Type, key.Measure, key.Day, value.Count);
        }

        var changed = deltas.Where(d => d.Value != 0).ToDictionary(d => d.Key, d => d.Value);
        if (changed.Count == 0)
        {
            return;
        }

        var issuers = changed.Keys.Select(k => k.Issuer).Distinct().ToList();
        var organizations = changed.Keys.Select(k => k.Organization).Distinct().ToList();
        var days = changed.Keys.Select(k => k.Day).Distinct().ToList();
        var existing = (await db.TaskFigures
                .Where(f => issuers.Contains(f.IssuerId) && organizations.Contains(f.OrganizationId) && days.Contains(f.Day))
                .ToListAsync(cancellationToken))
            .ToDictionary(f => new SummaryKey(f.IssuerId, f.OrganizationId, f.DocumentType, f.Measure, f.Grain, f.Day));
        foreach (var (key, delta) in changed)
        {
            if (existing.TryGetValue(key, out var figure))
            {
                figure.Count += delta;
                if (figure.Count == 0)
                {
                    db.TaskFigures.Remove(figure);
                }
            }
            else
            {
                db.TaskFigures.Add(new TaskFigure(key.Issuer, key.Organization, key.Type, key.Measure, key.Grain, key.Day) { Count = delta });
            }
        }
    }

    /// <summary>The day, month and year rows a figure dated <paramref name="day"/> belongs to.</summary>
    private static IEnumerable<(FigureGrain Grain, DateOnly Start)> Grains(DateOnly day)
    {
        yield return (FigureGrain.Day, day);
        yield return (FigureGrain.Month, new DateOnly(day.Year, day.Month, 1));
        yield return (FigureGrain.Year, new DateOnly(day.Year, 1, 1));
    }

    /// <summary>
    /// What <paramref name="directives"/> count, per unit, measure and day, from their rows and the one rule of a task's
    /// state (<see cref="TaskAssignmentState.Of(ProgressStatus, DateOnly?, DirectiveStatus, DateOnly, bool)"/>): the same
    /// assignments <see cref="DashboardQuery.Counted"/> reads.
    /// </summary>
    private static async Task<Dictionary<ContributionKey, Contribution>> ContributionsAsync(AppDbContext db, List<Guid> directives, CancellationToken cancellationToken)
    {
        var heads = await db.Directives.AsNoTracking().Where(d => directives.Contains(d.Id) && d.Status != DirectiveStatus.Draft)
            .Select(d => new { d.Id, d.IssuerId, d.DocumentType, d.Status, d.IssuedOn })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var tasks = await db.TaskAssignments.AsNoTracking().Where(t => directives.Contains(t.DirectiveId))
            .Select(t => new { t.DirectiveId, t.OrganizationId, t.Status, t.Deadline, t.CompletedAt, Reassigned = t.ReassignedToId != null })
            .ToListAsync(cancellationToken);
        var acknowledged = (await db.Assignments.AsNoTracking().Where(a => directives.Contains(a.DirectiveId) && a.AcknowledgedAt != null)
                .Select(a => new { a.DirectiveId, a.OrganizationId })
                .ToListAsync(cancellationToken))
            .Select(a => (a.DirectiveId, a.OrganizationId))
            .ToHashSet();

        var result = new Dictionary<ContributionKey, Contribution>();
        void Add(Guid directive, Guid organization, FigureMeasure measure, DateOnly day, Guid issuer, string type)
        {
            var key = new ContributionKey(directive, organization, measure, day);
            result[key] = new Contribution(issuer, type, (result.TryGetValue(key, out var c) ? c.Count : 0) + 1);
        }

        foreach (var t in tasks)
        {
            if (!heads.TryGetValue(t.DirectiveId, out var d))
            {
                continue;
            }

            // Read against the earliest day, the rule says only whether the work counts and whether it is finished;
            // whether outstanding work is overdue is read from its deadline when a dashboard asks.
            var state = TaskAssignmentState.Of(t.Status, t.Deadline, d.Status, DateOnly.MinValue, t.Reassigned);
            if (state is TaskState.Closed or TaskState.Cancelled)
            {
                continue;
            }

            if (d.IssuedOn is { } issuedOn)
            {
                Add(d.Id, t.OrganizationId, FigureMeasure.Assigned, issuedOn, d.IssuerId, d.DocumentType);
                if (acknowledged.Contains((d.Id, t.OrganizationId)))
                {
                    Add(d.Id, t.OrganizationId, FigureMeasure.Acknowledged, issuedOn, d.IssuerId, d.DocumentType);
                }
            }

            if (state is TaskState.DoneOnTime or TaskState.DoneLate)
            {
                if (t.CompletedAt is { } completedAt)
                {
                    Add(d.Id, t.OrganizationId, state == TaskState.DoneOnTime ? FigureMeasure.Done : FigureMeasure.DoneLate, Dated(VietnamTime.DateOf(completedAt)), d.IssuerId, d.DocumentType);
                }
            }
            else
            {
                var due = t.Status == ProgressStatus.AwaitingConfirmation || t.Deadline is null ? Undated : Dated(t.Deadline.Value);
                Add(d.Id, t.OrganizationId, FigureMeasure.Outstanding, due, d.IssuerId, d.DocumentType);
            }
        }

        return result;
    }

    private static DateOnly Dated(DateOnly day) => day > LastDatedDay ? LastDatedDay : day;

    /// <summary>The summary rows of directives issued within the subtree at <paramref name="rootPath"/> (of the filter's type and issuer).</summary>
    public static IQueryable<TaskFigure> Issued(AppDbContext db, string rootPath, DashboardFilter filter)
    {
        var query = db.TaskFigures.Where(f => db.Organizations.Any(o => o.Id == f.IssuerId && o.Path.StartsWith(rootPath)));
        if (filter.IssuerId is { } issuer)
        {
            query = query.Where(f => f.IssuerId == issuer);
        }

        return DocumentType.IsKnown(filter.Type) ? query.Where(f => f.DocumentType == filter.Type) : query;
    }

    /// <summary>The summary rows of work assigned to units of the subtree, whoever issued it (of the filter's type).</summary>
    public static IQueryable<TaskFigure> Received(AppDbContext db, string rootPath, DashboardFilter filter)
    {
        var query = db.TaskFigures.Where(f => db.Organizations.Any(o => o.Id == f.OrganizationId && o.Path.StartsWith(rootPath)));
        return DocumentType.IsKnown(filter.Type) ? query.Where(f => f.DocumentType == filter.Type) : query;
    }

    /// <summary>
    /// Each unit's figures of <paramref name="figures"/>: assigned and acknowledged of what the period issued, done
    /// and done late in the period, and (a stock, whatever the period) open and overdue on <paramref name="today"/>.
    /// The same numbers <see cref="DashboardQuery.Counted"/> gives, from at most a few rows per unit and grain.
    /// </summary>
    public static async Task<Dictionary<Guid, UnitFigures>> ByUnitAsync(IQueryable<TaskFigure> figures, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var flows = await figures.Where(f => f.Measure != FigureMeasure.Outstanding).Where(Within(from, to))
            .GroupBy(f => new { f.OrganizationId, f.Measure })
            .Select(g => new { g.Key.OrganizationId, g.Key.Measure, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        var overdue = await figures.Where(f => f.Measure == FigureMeasure.Outstanding).Where(Within(DateOnly.MinValue, today.AddDays(-1)))
            .GroupBy(f => f.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Sum(f => f.Count) })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, cancellationToken);
        var outstanding = await figures.Where(f => f.Measure == FigureMeasure.Outstanding && f.Grain == FigureGrain.Year)
            .GroupBy(f => f.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Sum(f => f.Count) })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, cancellationToken);

        var flow = flows.ToDictionary(f => (f.OrganizationId, f.Measure), f => f.Count);
        var result = new Dictionary<Guid, UnitFigures>();
        foreach (var unit in flows.Select(f => f.OrganizationId).Concat(outstanding.Keys).Distinct())
        {
            int Flow(FigureMeasure measure) => flow.GetValueOrDefault((unit, measure));
            var late = overdue.GetValueOrDefault(unit);
            var figure = new UnitFigures(Flow(FigureMeasure.Assigned), Flow(FigureMeasure.Acknowledged), outstanding.GetValueOrDefault(unit) - late, Flow(FigureMeasure.Done), Flow(FigureMeasure.DoneLate), late);
            if (figure.Assigned + figure.Open + figure.Done + figure.DoneLate + figure.Overdue > 0)
            {
                result[unit] = figure;
            }
        }

        return result;
    }

    /// <summary>
    /// Rows dated from <paramref name="from"/> to <paramref name="to"/> (both included), each day counted once: the
    /// days of the partial months at each end, the months of the partial years, and the whole years.
    /// </summary>
    public static Expression<Func<TaskFigure, bool>> Within(DateOnly from, DateOnly to)
    {
        var parameter = Expression.Parameter(typeof(TaskFigure), "f");
        Expression? body = null;
        foreach (var range in Ranges(from, to))
        {
            Expression<Func<TaskFigure, bool>> one = f => f.Grain == range.Grain && f.Day >= range.From && f.Day <= range.To;
            var part = ReplacingExpressionVisitor.Replace(one.Parameters[0], parameter, one.Body);
            body = body is null ? part : Expression.OrElse(body, part);
        }

        return Expression.Lambda<Func<TaskFigure, bool>>(body ?? Expression.Constant(false), parameter);
    }

    /// <summary>The grains and row dates that cover the days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static List<(FigureGrain Grain, DateOnly From, DateOnly To)> Ranges(DateOnly from, DateOnly to)
    {
        var result = new List<(FigureGrain, DateOnly, DateOnly)>();
        to = to > LastDatedDay ? LastDatedDay : to;
        if (from > to)
        {
            return result;
        }

        // Whole months: from firstMonth (included) to afterMonths (excluded).
        var firstMonth = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterMonths = to.AddDays(1).Day == 1 ? to.AddDays(1) : new DateOnly(to.Year, to.Month, 1);
        if (firstMonth >= afterMonths)
        {
            result.Add((FigureGrain.Day, from, to));
            return result;
        }

        if (from < firstMonth)
        {
            result.Add((FigureGrain.Day, from, firstMonth.AddDays(-1)));
        }

        // Whole years within the whole months: from firstYear (included) to afterYears (excluded).
        var firstYear = firstMonth.Month == 1 ? firstMonth : new DateOnly(firstMonth.Year + 1, 1, 1);
        var afterYears = new DateOnly(afterMonths.Year, 1, 1);
        if (firstYear >= afterYears)
        {
            result.Add((FigureGrain.Month, firstMonth, afterMonths.AddMonths(-1)));
        }
        else
        {
            if (firstMonth < firstYear)
            {
                result.Add((FigureGrain.Month, firstMonth, firstYear.AddMonths(-1)));
            }

            result.Add((FigureGrain.Year, firstYear, afterYears.AddYears(-1)));
            if (afterYears < afterMonths)
            {
                result.Add((FigureGrain.Month, afterYears, afterMonths.AddMonths(-1)));
            }
        }

        if (afterMonths <= to)
        {
            result.Add((FigureGrain.Day, afterMonths, to));
        }

        return result;
    }
}
