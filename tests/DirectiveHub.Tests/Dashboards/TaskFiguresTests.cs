using DirectiveHub.Assignments;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Dashboards;

/// <summary>
/// The dashboards' summaries kept write by write must equal a count from scratch, and both must equal what the
/// source rows say (<see cref="DashboardQuery.Counted"/>), after a long random sequence of changes to every field a
/// figure reads: statuses (done, late, returned, awaiting, cancelled, refused and passed on), deadlines, completion
/// times, receipts, directive statuses (superseded, withdrawn), work moved to another unit, removed work and moved
/// units. On PostgreSQL and on SQLite.
/// </summary>
public sealed class TaskFiguresTests(PostgresAppFixture postgres) : IClassFixture<PostgresAppFixture>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dh-figures-{Guid.NewGuid():N}.db");
    private DirectiveHubFactory _sqlite = null!;

    public ValueTask InitializeAsync()
    {
        _sqlite = new DirectiveHubFactory(DatabaseProvider.Sqlite, $"Data Source={_file}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Summaries_kept_write_by_write_equal_a_rebuild_and_the_source_on_PostgreSQL()
    {
        postgres.Require();
        await RandomSequenceAsync(postgres.Factory, seed: 21);
    }

    [Fact]
    public async Task Summaries_kept_write_by_write_equal_a_rebuild_and_the_source_on_SQLite() =>
        await RandomSequenceAsync(_sqlite, seed: 22);

    [Fact]
    public void A_period_is_covered_day_by_day_exactly_once()
    {
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var from = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 5000));
            var to = from.AddDays(random.Next(-3, 2500));
            var covered = new List<DateOnly>();
            foreach (var (grain, first, last) in TaskFigures.Ranges(from, to))
            {
                for (var start = first; start <= last; start = grain switch { FigureGrain.Day => start.AddDays(1), FigureGrain.Month => start.AddMonths(1), _ => start.AddYears(1) })
                {
                    var end = grain switch { FigureGrain.Day => start, FigureGrain.Month => start.AddMonths(1).AddDays(-1), _ => start.AddYears(1).AddDays(-1) };
                    for (var day = start; day <= end; day = day.AddDays(1))
                    {
                        covered.Add(day);
                    }
                }
            }

            var expected = from > to ? [] : Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
            Assert.Equal(expected, covered.Order().ToList());
            Assert.True(TaskFigures.Ranges(from, to).Count <= 5);
        }
    }

    private static async Task RandomSequenceAsync(DirectiveHubFactory factory, int seed)
    {
        var random = new Random(seed);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await TaskFigures.RefreshPendingAsync(db, Cancel);
        var organizations = await db.Organizations.Select(o => o.Id).ToListAsync(Cancel);
        var statuses = Enum.GetValues<ProgressStatus>();
        var directiveStatuses = new[] { DirectiveStatus.Published, DirectiveStatus.Published, DirectiveStatus.Published, DirectiveStatus.Published, DirectiveStatus.Superseded, DirectiveStatus.Withdrawn };
        Assert.True(await db.TaskAssignments.CountAsync(Cancel) > 10, "the demo has task assignments to change");

        int saved = 0, refused = 0;
        for (var step = 0; step < 300; step++)
        {
            db.ChangeTracker.Clear();
            var tasks = await db.TaskAssignments.OrderBy(t => t.Id).ToListAsync(Cancel);
            var task = tasks[random.Next(tasks.Count)];
            var entry = db.Entry(task);
            switch (random.Next(9))
            {
                case 0 or 1:
                    var status = statuses[random.Next(statuses.Length)];
                    entry.Property(t => t.Status).CurrentValue = status;
                    entry.Property(t => t.CompletedAt).CurrentValue = status is ProgressStatus.Done or ProgressStatus.DoneLate
                        ? new DateTime(2021, 9, 1, 17, 30, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 900))
                        : null;
                    break;
                case 2:
                    entry.Property(t => t.Deadline).CurrentValue = random.Next(5) == 0 ? null : new DateOnly(2021, 8, 1).AddDays(random.Next(0, 2200));
                    break;
                case 3:
                    entry.Property(t => t.Status).CurrentValue = ProgressStatus.Refused;
                    entry.Property(t => t.ReassignedToId).CurrentValue = random.Next(2) == 0 ? tasks[random.Next(tasks.Count)].Id : null;
                    break;
                case 4:
                    entry.Property(t => t.OrganizationId).CurrentValue = organizations[random.Next(organizations.Count)];
                    break;
                case 5:
                    var directive = await db.Directives.SingleAsync(d => d.Id == task.DirectiveId, Cancel);
                    db.Entry(directive).Property(d => d.Status).CurrentValue = directiveStatuses[random.Next(directiveStatuses.Length)];
                    break;
                case 6:
                    var receipts = await db.Assignments.Where(a => a.DirectiveId == task.DirectiveId).ToListAsync(Cancel);
                    if (receipts.Count > 0)
                    {
                        var receipt = db.Entry(receipts[random.Next(receipts.Count)]);
                        receipt.Property(a => a.AcknowledgedAt).CurrentValue = receipt.Entity.AcknowledgedAt is null ? new DateTime(2021, 11, 2, 3, 0, 0, DateTimeKind.Utc) : null;
                    }

                    break;
                case 7 when step % 5 == 0 && !tasks.Exists(t => t.ReassignedToId == task.Id):
                    db.ProgressReports.RemoveRange(await db.ProgressReports.Where(r => r.TaskAssignmentId == task.Id).ToListAsync(Cancel));
                    db.TaskAssignments.Remove(task);
                    break;
                default:
                    // A unit moved under another: no figure may change (they are kept by unit id).
                    var unit = await db.Organizations.Where(o => o.ParentId != null).OrderBy(o => o.Id).Skip(random.Next(organizations.Count - 1)).FirstOrDefaultAsync(Cancel);
                    var root = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Path).FirstAsync(Cancel);
                    if (unit is not null && !unit.Path.StartsWith(root + unit.Id, StringComparison.Ordinal))
                    {
                        db.Entry(unit).Property(o => o.Name).CurrentValue = unit.Name;
                    }

                    break;
            }

            try
            {
                await db.SaveChangesAsync(Cancel);
                saved++;
            }
            catch (DbUpdateException)
            {
                // A change the schema refuses (a unit given the same task twice, a row others point to) is rolled
                // back with the refresh it queued: nothing to count.
                refused++;
            }

            if (random.Next(10) == 0)
            {
                await TaskFigures.RefreshPendingAsync(db, Cancel);
            }
        }

        db.ChangeTracker.Clear();
        Assert.True(saved > 250, $"{saved} changes saved, {refused} refused");
        await TaskFigures.RefreshPendingAsync(db, Cancel);
        Assert.False(await db.FigureRefreshes.AnyAsync(Cancel));
        var kept = await SnapshotAsync(db);
        await TaskFigures.RebuildAsync(db, Cancel);
        var rebuilt = await SnapshotAsync(db);
        Assert.NotEmpty(kept);
        Assert.Equal(rebuilt, kept);

        // And the summaries say what the rows say, for periods of every length and several todays.
        var compared = 0;
        foreach (var rootPath in await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Path).ToListAsync(Cancel))
            foreach (var (from, to, today) in new[]
                     {
                     (new DateOnly(2021, 10, 1), new DateOnly(2021, 12, 31), new DateOnly(2021, 11, 20)),
                     (new DateOnly(2021, 10, 17), new DateOnly(2023, 2, 3), new DateOnly(2022, 6, 1)),
                     (new DateOnly(2016, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 20)),
                     (new DateOnly(2022, 3, 5), new DateOnly(2022, 3, 5), new DateOnly(2024, 1, 1)),
                 })
            {
                var filter = new DashboardFilter(Guid.Empty, from, to);
                var fromSummaries = await TaskFigures.ByUnitAsync(TaskFigures.Issued(db, rootPath, filter), from, to, today, Cancel);
                var counted = await DashboardQuery.Counted(db, DashboardQuery.IssuedTasks(db, rootPath, filter), filter, today).ToListAsync(Cancel);
                var acknowledged = (await db.Assignments.Where(a => a.AcknowledgedAt != null).Select(a => new { a.DirectiveId, a.OrganizationId }).ToListAsync(Cancel))
                    .Select(a => (a.DirectiveId, a.OrganizationId)).ToHashSet();
                var fromRows = counted.GroupBy(t => t.OrganizationId).ToDictionary(g => g.Key, g => new UnitFigures(
                    g.Count(t => t.IssuedInPeriod),
                    g.Count(t => t.IssuedInPeriod && acknowledged.Contains((t.DirectiveId, t.OrganizationId))),
                    g.Count(t => t.State == TaskState.Open),
                    g.Count(t => t.State == TaskState.DoneOnTime && t.DoneInPeriod),
                    g.Count(t => t.State == TaskState.DoneLate && t.DoneInPeriod),
                    g.Count(t => t.State == TaskState.Overdue)));
                Assert.Equal(fromRows.OrderBy(p => p.Key).ToList(), fromSummaries.OrderBy(p => p.Key).ToList());
                compared += fromRows.Count;
            }

        Assert.True(compared >= 4, $"{compared} unit figures compared");
    }

    private static async Task<List<string>> SnapshotAsync(AppDbContext db) =>
        (await db.TaskFigures.AsNoTracking().ToListAsync(Cancel))
            .Select(f => $"{f.IssuerId} {f.OrganizationId} {f.DocumentType} {f.Measure} {f.Grain} {f.Day:yyyy-MM-dd} {f.Count}")
            .Concat((await db.DirectiveFigures.AsNoTracking().ToListAsync(Cancel)).Select(f => $"{f.DirectiveId} {f.OrganizationId} {f.Measure} {f.Day:yyyy-MM-dd} {f.IssuerId} {f.DocumentType} {f.Count}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
