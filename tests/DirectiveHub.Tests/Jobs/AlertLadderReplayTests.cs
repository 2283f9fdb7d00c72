using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveHub.Tests.Jobs;

/// <summary>
/// The alert ladder replayed day by day with a fake clock, on PostgreSQL and on SQLite: the exact alerts of each day,
/// none twice, and a second sweep of the same day (as <c>directivehub sweep --as-of</c> replays it) sending nothing.
/// </summary>
public sealed class AlertLadderReplayTests(PostgresAppFixture postgres) : IClassFixture<PostgresAppFixture>, IAsyncLifetime
{

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dh-ladder-{Guid.NewGuid():N}.db");
    private DirectiveHubFactory _sqlite = null!;

    public ValueTask InitializeAsync()
    {
        _sqlite = new DirectiveHubFactory(DatabaseProvider.Sqlite, $"Data Source={_file}");
        _ = _sqlite.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    public static TheoryData<string> Providers => new() { "Postgres", "Sqlite" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Three_weeks_across_Tet_give_each_alert_on_its_working_day_once(string provider)
    {
        var database = Open(provider);

        // Tết Đinh Mùi 2027: off Thursday 04/2 to Wednesday 10/2.
        var tasks = new Dictionary<string, DateOnly>
        {
            ["after Tết"] = new(2027, 2, 12),
            ["eve of Tết"] = new(2027, 2, 3),
            ["inside Tết"] = new(2027, 2, 8),
        };
        var expected = new Dictionary<DateOnly, string[]>
        {
            [new(2027, 1, 29)] = ["eve of Tết Yellow unit", "inside Tết Yellow unit"],
            [new(2027, 2, 2)] = ["after Tết Yellow unit"],
            [new(2027, 2, 4)] = ["eve of Tết Red superior", "eve of Tết Red unit"],
            [new(2027, 2, 9)] = ["inside Tết Red superior", "inside Tết Red unit"],
            [new(2027, 2, 13)] = ["after Tết Red superior", "after Tết Red unit"],
            [new(2027, 2, 15)] = ["eve of Tết SpecialRed issuer", "inside Tết SpecialRed issuer"],
            [new(2027, 2, 17)] = ["after Tết SpecialRed issuer"],
        };

        await ReplayAsync(database, tasks, new DateOnly(2027, 1, 25), new DateOnly(2027, 2, 19), expected);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_make_up_Saturday_moves_the_ladder_as_a_working_day(string provider)
    {
        var database = Open(provider);

        // 2025: Saturday 26/4 worked in exchange for Friday 02/5; 30/4 and 01/5 are holidays.
        var tasks = new Dictionary<string, DateOnly>
        {
            ["Monday"] = new(2025, 4, 28),
            ["make-up Saturday"] = new(2025, 4, 26),
        };
        var expected = new Dictionary<DateOnly, string[]>
        {
            [new(2025, 4, 23)] = ["make-up Saturday Yellow unit"],
            [new(2025, 4, 24)] = ["Monday Yellow unit"],
            [new(2025, 4, 27)] = ["make-up Saturday Red superior", "make-up Saturday Red unit"],
            [new(2025, 4, 29)] = ["Monday Red superior", "Monday Red unit"],
            [new(2025, 5, 5)] = ["make-up Saturday SpecialRed issuer"],
            [new(2025, 5, 6)] = ["Monday SpecialRed issuer"],
        };

        await ReplayAsync(database, tasks, new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 9), expected);
    }

    private static async Task ReplayAsync(Database database, Dictionary<string, DateOnly> deadlines, DateOnly first, DateOnly last, Dictionary<DateOnly, string[]> expected)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var (name, deadline) in deadlines)
        {
            names[await PublishTaskDueAsync(database, deadline)] = name;
        }

        var ids = names.Keys.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            // 09:00 in Vietnam; the runner reads the time from the clock, as the worker does.
            var clock = new FakeTimeProvider(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), VietnamTime.Zone)));
            var now = clock.GetUtcNow().UtcDateTime;
            await RunAsync(database, clock, asOf: null);
            var keys = await QueryAsync(database, db => db.Notifications
                .Where(n => n.TaskAssignmentId != null && ids.Contains(n.TaskAssignmentId.Value) && n.CreatedAt == now)
                .Select(n => new { n.TaskAssignmentId, n.DedupKey })
                .ToListAsync(Cancel));
            var today = keys.Select(k => $"{names[k.TaskAssignmentId!.Value]} {k.DedupKey!.Split(':')[3]} {k.DedupKey.Split(':')[4]}").Order(StringComparer.Ordinal).ToArray();
            Assert.True(
                (expected.TryGetValue(day, out var wanted) ? wanted : []).SequenceEqual(today),
                $"{database.Provider} {day:yyyy-MM-dd}: expected [{string.Join(", ", wanted ?? [])}], got [{string.Join(", ", today)}]");
            foreach (var key in keys)
            {
                Assert.True(seen.Add(key.DedupKey!), $"{key.DedupKey} twice");
            }

            // The officer's alerts of the day come in one mail, however many fired.
            var mails = await QueryAsync(database, db => db.OutboxMessages.Where(m => m.To == "officer@demo.local" && m.CreatedAt == now).Select(m => m.Body).ToListAsync(Cancel));
            var unitAlerts = today.Count(t => t.EndsWith(" unit", StringComparison.Ordinal));
            if (unitAlerts > 0)
            {
                var mail = Assert.Single(mails);
                if (unitAlerts > 1)
                {
                    Assert.StartsWith($"Tổng hợp cảnh báo ngày {VietnamTime.ShortDate(day)}", mail, StringComparison.Ordinal);
                }
            }

            // Replaying the same day (the CLI's --as-of takes midday) writes no notice and no mail.
            var notices = await QueryAsync(database, db => db.Notifications.CountAsync(Cancel));
            var outbox = await QueryAsync(database, db => db.OutboxMessages.CountAsync(Cancel));
            var replay = await RunAsync(database, clock, asOf: TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), VietnamTime.Zone));
            Assert.Equal((0, 0, 0, 0), (replay.Notified, replay.Reminders, replay.SpecialRed, replay.Mails));
            Assert.Equal(notices, await QueryAsync(database, db => db.Notifications.CountAsync(Cancel)));
            Assert.Equal(outbox, await QueryAsync(database, db => db.OutboxMessages.CountAsync(Cancel)));
        }

        Assert.Equal(expected.Values.Sum(v => v.Length), seen.Count);
    }

    private static async Task<SweepResult> RunAsync(Database database, TimeProvider clock, DateTime? asOf)
    {
        await using var db = DatabaseSetup.Create(database.Provider, database.ConnectionString);
        var sweep = new OverdueSweep(db, new OverdueOptions(), new ExceptionOptions());
        return await new SweepRunner(db, sweep, clock, NullLogger<SweepRunner>.Instance).RunAsync(asOf, false, Cancel);
    }

    private static async Task<Guid> PublishTaskDueAsync(Database database, DateOnly deadline)
    {
        await using var db = DatabaseSetup.Create(database.Provider, database.ConnectionString);
        var issuer = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
        var parent = await db.Organizations.SingleAsync(o => o.Code == "HN", Cancel);
        var unit = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-SS", Cancel);
        var clerk = await db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(Cancel);
        var register = await db.NumberRegisters.SingleOrDefaultAsync(r => r.IssuerId == issuer.Id && r.DocumentType == "TB", Cancel);
        if (register is null)
        {
            register = new NumberRegister(issuer.Id, "TB", false, NumberingPeriod.Term, new DateOnly(2000, 1, 1), null);
            db.NumberRegisters.Add(register);
        }

        var directive = new Directive(issuer.Id, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "TB", Subject = "thông báo thử thang cảnh báo", Recipients = [new(unit.Id, unit.Name)], Tasks = [new("Báo cáo", deadline, unit.Id, [], [])] }, clerk, DateTime.UtcNow);
        directive.Publish(register, issuer, parent, new DateOnly(2024, 11, 20), clerk, DateTime.UtcNow);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(Cancel);
        return directive.TaskAssignments.Single().Id;
    }

    private static async Task<T> QueryAsync<T>(Database database, Func<AppDbContext, Task<T>> query)
    {
        await using var db = DatabaseSetup.Create(database.Provider, database.ConnectionString);
        return await query(db);
    }

    private Database Open(string provider)
    {
        if (provider == "Postgres")
        {
            postgres.Require();
            return new Database(DatabaseProvider.Postgres, postgres.ConnectionString);
        }

        return new Database(DatabaseProvider.Sqlite, $"Data Source={_file}");
    }

    private sealed record Database(DatabaseProvider Provider, string ConnectionString);
}
