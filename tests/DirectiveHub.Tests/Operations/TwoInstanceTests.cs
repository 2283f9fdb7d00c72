using System.Net;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveHub.Tests.Operations;

/// <summary>
/// Two published instances on one PostgreSQL database with the shared file store, as behind a load balancer: files,
/// sign-in cookies and antiforgery tokens work across them, and the workers do each job once.
/// </summary>
public sealed class TwoInstanceTests
{
    // OverdueSweep's advisory lock key ("DH_OVERD"): holding it here stands for a third instance mid-sweep.
    private const long SweepLockKey = 0x44485F4F56455244;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_share_files_and_sign_ins_and_run_each_sweep_and_mail_once()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        var cli = new CliApp(new StringWriter(), new StringWriter(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:DirectiveHub"] = database.ConnectionString,
        });
        Assert.Equal(0, await cli.RunAsync(["seed", "--demo"], Cancel));

        // While the lock is held no instance may sweep: both start, try, and record a skipped run.
        await using var lockHolder = new NpgsqlConnection(database.ConnectionString);
        await lockHolder.OpenAsync(Cancel);
        await ExecuteAsync(lockHolder, $"SELECT pg_advisory_lock({SweepLockKey})");

        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Overdue__Interval"] = "00:00:02",
            ["Mail__Interval"] = "00:00:01",
        };
        var starting = new[] { PublishedApp.StartAsync(database.ConnectionString, settings, Cancel), PublishedApp.StartAsync(database.ConnectionString, settings, Cancel) };
        await using var first = await starting[0];
        await using var second = await starting[1];

        await WaitForAsync(database, db => db.SweepRuns.CountAsync(r => r.Skipped, Cancel), count => count >= 2, "both instances to skip a sweep");
        Assert.Equal(0, await QueryAsync(database, db => db.TaskAssignments.CountAsync(t => t.OverdueFlaggedAt != null, Cancel)));

        // Files: put through the first instance, the form's token and cookie posted to the second, read through both.
        var cookies = new CookieContainer();
        using var clientA = first.CreateClient(cookies);
        using var clientB = second.CreateClient(cookies);
        await clientA.SignInOrFailAsync(DemoAccounts.Clerk);
        var id = await ClerkSteps.DraftAsync(clientB);
        var upload = await ClerkSteps.UploadAsync(clientA, clientB, id, ClerkSteps.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var attachmentId = await QueryAsync(database, db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Attachments).Select(a => a.Id).SingleAsync(Cancel));
        foreach (var client in new[] { clientA, clientB })
        {
            var download = await client.GetAsync(new Uri($"/Directives/Attachment/{attachmentId}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.StartsWith("%PDF-1.7", await download.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(first.DataPath, "attachments"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(second.DataPath, "attachments"), "*", SearchOption.AllDirectories));
        Assert.Equal(1, await QueryAsync(database, db => db.StoredFiles.CountAsync(Cancel)));

        // A cookie the second instance issued opens pages on the first (Data Protection keys live in the database).
        var issuedByB = new CookieContainer();
        using var otherB = second.CreateClient(issuedByB);
        await otherB.SignInOrFailAsync(DemoAccounts.Clerk);
        using var otherA = first.CreateClient(issuedByB);
        Assert.Equal(HttpStatusCode.OK, (await otherA.GetAsync(new Uri("/Directives", UriKind.Relative), Cancel)).StatusCode);

        // Outbox: rows another drain holds are skipped (SKIP LOCKED), not waited for; the rest go out at once.
        var due = DateTime.UtcNow.AddSeconds(2);
        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            for (var i = 0; i < 6; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage($"unit{i}@demo.local", $"Test {i}", "Nội dung", $"test:{i}", due));
            }

            await db.SaveChangesAsync(Cancel);
        }

        await using var rowLocker = new NpgsqlConnection(database.ConnectionString);
        await rowLocker.OpenAsync(Cancel);
        await using var held = await rowLocker.BeginTransactionAsync(Cancel);
        await ExecuteAsync(rowLocker, """SELECT 1 FROM "OutboxMessages" WHERE "DedupKey" IN ('test:0', 'test:1', 'test:2') FOR UPDATE""", held);
        await WaitForAsync(database, db => db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("test:") && m.SentAt != null, Cancel), count => count >= 3, "the unlocked messages to be sent");
        await Task.Delay(1500, Cancel);
        Assert.Equal(3, await QueryAsync(database, db => db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("test:") && m.SentAt != null, Cancel)));
        await held.RollbackAsync(Cancel);

        // The lock released, the next sweep (one instance) flags everything overdue once; the other finds nothing.
        await ExecuteAsync(lockHolder, $"SELECT pg_advisory_unlock({SweepLockKey})");
        await WaitForAsync(database, db => db.TaskAssignments.CountAsync(t => t.OverdueFlaggedAt != null, Cancel), count => count > 0, "a sweep to flag the overdue tasks");
        await WaitForAsync(database, db => db.OutboxMessages.CountAsync(m => m.SentAt == null, Cancel), count => count == 0, "every message to be sent");
        await Task.Delay(2500, Cancel);

        var runs = await QueryAsync(database, db => db.SweepRuns.ToListAsync(Cancel));
        Assert.All(runs, r => Assert.Null(r.Error));
        Assert.Equal(await QueryAsync(database, db => db.TaskAssignments.CountAsync(t => t.OverdueFlaggedAt != null, Cancel)), runs.Sum(r => r.Flagged));
        Assert.Single(runs, r => r.Flagged > 0);

        var messages = await QueryAsync(database, db => db.OutboxMessages.Select(m => m.Id).ToListAsync(Cancel));
        var files = Directory.EnumerateFiles(Path.Combine(first.DataPath, "mail-pickup"), "*.eml")
            .Concat(Directory.EnumerateFiles(Path.Combine(second.DataPath, "mail-pickup"), "*.eml"))
            .ToList();
        var sentIds = files.Select(f => MimeKit.MimeMessage.Load(f).MessageId).ToList();
        Assert.Equal(messages.Count, files.Count);
        Assert.Equal(messages.Select(m => $"{m:N}@directivehub").Order(StringComparer.Ordinal), sentIds.Order(StringComparer.Ordinal));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<T> QueryAsync<T>(PostgresDatabase database, Func<AppDbContext, Task<T>> query)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        return await query(db);
    }

    private static async Task WaitForAsync(PostgresDatabase database, Func<AppDbContext, Task<int>> query, Func<int, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        int value;
        while (!done(value = await QueryAsync(database, query)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what} (last value {value}).");
            await Task.Delay(250, Cancel);
        }
    }
}
