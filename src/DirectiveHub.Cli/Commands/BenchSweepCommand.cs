using System.Diagnostics;
using System.Globalization;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub bench-sweep [--task-assignments N] [--overdue M]</c>: fills the configured (empty, PostgreSQL)
/// database with N task assignments of which M are newly overdue, then times one sweep and a second, idle one.
/// A benchmark that prints figures (docs/benchmarks.md), not a test.
/// </summary>
public static class BenchSweepCommand
{
    private const int UnitsPerDirective = 10;

    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var total = CommandOptions.Int(options, "--task-assignments", 1_000_000);
        var overdue = CommandOptions.Int(options, "--overdue", 100_000);
        if (total < UnitsPerDirective || overdue > total)
        {
            await app.Error.WriteLineAsync("Usage: directivehub bench-sweep [--task-assignments N] [--overdue M]  (M ≤ N)");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Provider != DatabaseProvider.Postgres)
        {
            await app.Error.WriteLineAsync("bench-sweep needs PostgreSQL (Database__Provider=Postgres).");
            return 2;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (await db.Directives.AnyAsync(cancellationToken))
        {
            await app.Error.WriteLineAsync("bench-sweep fills an empty database; this one already holds directives.");
            return 2;
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var directives = total / UnitsPerDirective;
        var overdueDirectives = overdue / UnitsPerDirective;
        var fill = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(FillSql(directives, overdueDirectives), cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Filled {directives * UnitsPerDirective:N0} task assignments ({overdueDirectives * UnitsPerDirective:N0} newly overdue) in {fill.Elapsed.TotalSeconds:F1} s"));

        var sweep = scope.ServiceProvider.GetRequiredService<OverdueSweep>();
        var now = DateTime.UtcNow;
        var first = Stopwatch.StartNew();
        var result = await sweep.RunAsync(now, false, cancellationToken);
        first.Stop();
        var idle = Stopwatch.StartNew();
        var second = await sweep.RunAsync(now.AddMinutes(5), false, cancellationToken);
        idle.Stop();
        await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"First sweep: {result.Flagged:N0} flagged, {result.Notified:N0} notices in {first.Elapsed.TotalMilliseconds:F0} ms"));
        await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Idle sweep: {second.Flagged:N0} flagged in {idle.Elapsed.TotalMilliseconds:F1} ms"));
        return 0;
    }

    /// <summary>
    /// One province, 200 units, <paramref name="directives"/> directives of one task each given to 10 units. The first
    /// <paramref name="overdue"/> directives are due in the past; the rest are due in the coming years or done.
    /// </summary>
    private static string FillSql(int directives, int overdue) => string.Create(CultureInfo.InvariantCulture, $$"""
        INSERT INTO "Organizations" ("Id", "Code", "Name", "Kind", "SymbolCode", "Place", "ParentId", "Path", "Depth", "EstablishedOn")
        VALUES ('00000000-0000-7000-8000-000000000001', 'BENCH', 'TỈNH ỦY BENCH', 'ProvincialCommittee', 'TU', 'Bench', NULL, '/00000000000070008000000000000001/', 0, '2000-01-01');
        INSERT INTO "Organizations" ("Id", "Code", "Name", "Kind", "SymbolCode", "Place", "ParentId", "Path", "Depth", "EstablishedOn")
        SELECT ('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'BENCH-' || i, 'ĐẢNG ỦY XÃ ' || i, 'CommuneCommittee', 'ĐU', 'Xã ' || i,
               '00000000-0000-7000-8000-000000000001', '/00000000000070008000000000000001/' || replace('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'), '-', '') || '/', 1, '2000-01-01'
        FROM generate_series(1, 200) i;
        INSERT INTO "Directives" ("Id", "IssuerId", "DocumentType", "Status", "Sequence", "Number", "IssuerName", "Place", "IssuedOn", "Subject", "Urgency", "Confidentiality",
                                  "SignerAuthority", "CreatedById", "CreatedAt", "UpdatedAt", "PublishedAt", "SearchText", "Version")
        SELECT ('00000000-0000-7000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001', 'CV', 'Published', i, i || '-CV/TU', 'TỈNH ỦY BENCH', 'Bench',
               DATE '2020-01-01' + (i % 2000), 'công văn ' || i, 'None', 'None', 'None', '00000000-0000-0000-0000-000000000000', now(), now(), now(), i || '-cv/tu cong van ' || i, 0
        FROM generate_series(1, {{directives}}) i;
        INSERT INTO "DirectiveTasks" ("Id", "DirectiveId", "ParentId", "Position", "Label", "Text", "Deadline", "LeadOrganizationId")
        SELECT ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, ('00000000-0000-7000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, NULL, 0, '1', 'Nhiệm vụ ' || i,
               CASE WHEN i <= {{overdue}} THEN current_date - 1 - (i % 300) ELSE current_date + 10 + (i % 1500) END, NULL
        FROM generate_series(1, {{directives}}) i;
        INSERT INTO "TaskAssignments" ("Id", "DirectiveId", "TaskId", "OrganizationId", "Role", "Deadline", "Status", "CompletedAt", "LastReportAt", "OverdueFlaggedAt")
        SELECT gen_random_uuid(), ('00000000-0000-7000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
               ('00000000-0000-7000-9000-' || lpad(to_hex(1 + ((i * 7 + u * 13) % 200)), 12, '0'))::uuid,
               CASE WHEN u = 0 THEN 'Lead' ELSE 'Coordinator' END,
               CASE WHEN i <= {{overdue}} THEN current_date - 1 - (i % 300) ELSE current_date + 10 + (i % 1500) END,
               CASE WHEN i > {{overdue}} AND i % 3 = 0 THEN 'Done' ELSE 'InProgress' END, NULL, NULL, NULL
        FROM generate_series(1, {{directives}}) i CROSS JOIN generate_series(0, {{UnitsPerDirective - 1}}) u;
        """);
}
