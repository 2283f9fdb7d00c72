using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Inbox;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Inbox;

/// <summary>
/// The inbox pages in the database along the index <c>IX_Assignments_InboxOrder</c> (its ORDER BY as an index): each
/// page must still be exactly the right twenty of a unit's many receipts, in the inbox's order.
/// </summary>
public sealed class InboxPagingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_of_a_commune_inbox_with_hundreds_of_receipts_is_the_right_twenty_in_inbox_order()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:DirectiveHub"] = database.ConnectionString };
        Assert.Equal(0, await new CliApp(new StringWriter(), new StringWriter(), settings).RunAsync(["generate", "--organizations", "120", "--directives", "2000", "--seed", "5"], Cancel));

        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        var commune = await db.Users.Where(u => u.Email == "officer@gen.local").Select(u => u.OrganizationId).SingleAsync(Cancel);
        var receipts = await db.Assignments.Where(a => a.OrganizationId == commune)
            .Select(a => new { a.DirectiveId, a.AcknowledgedAt, a.Urgency, a.IssuedOn })
            .ToListAsync(Cancel);
        Assert.True(receipts.Count > 150, $"{receipts.Count} receipts");
        Assert.Contains(receipts, r => r.AcknowledgedAt is null);
        Assert.Contains(receipts, r => r.Urgency != Urgency.None);
        var expected = receipts
            .OrderBy(r => r.AcknowledgedAt is null ? 0 : 1)
            .ThenByDescending(r => r.Urgency switch { Urgency.HoaToc => 3, Urgency.ThuongKhan => 2, Urgency.Khan => 1, _ => 0 })
            .ThenByDescending(r => r.IssuedOn)
            .ThenByDescending(r => r.DirectiveId)
            .Select(r => r.DirectiveId)
            .ToList();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var pages = (receipts.Count + 19) / 20;
        foreach (var page in new[] { 1, 2, pages / 2, pages })
        {
            var (rows, total) = await InboxQuery.PageAsync(db, commune, today, new InboxFilter(), page, 20, Cancel);
            Assert.Equal(receipts.Count, total);
            Assert.Equal(expected.Skip((page - 1) * 20).Take(20), rows.Select(r => r.DirectiveId));
        }

        // The acknowledged filter pages the same way.
        var (open, openTotal) = await InboxQuery.PageAsync(db, commune, today, new InboxFilter(Acknowledged: false), 1, 20, Cancel);
        Assert.Equal(receipts.Count(r => r.AcknowledgedAt is null), openTotal);
        Assert.Equal(expected.Where(id => receipts.Single(r => r.DirectiveId == id).AcknowledgedAt is null).Take(20), open.Select(r => r.DirectiveId));

        // The index serves the inbox's order (its expressions match EF's): with sorting made prohibitive, the plan
        // reads the index and stops instead of sorting. (On a few hundred rows PostgreSQL may rightly prefer a sort;
        // on a province's thousands it takes the index, docs/benchmarks.md.) The setting is undone before the
        // connection goes back to the pool, which does not reset sessions (DatabaseSetup.WithStatementReuse).
        await db.Database.OpenConnectionAsync(Cancel);
        await db.Database.ExecuteSqlRawAsync("SET enable_sort = off", Cancel);
        var plan = string.Join('\n', await db.Database.SqlQueryRaw<string>(
            """
            EXPLAIN SELECT a."DirectiveId" FROM "Assignments" AS a WHERE a."OrganizationId" = {0}
            ORDER BY CASE WHEN a."AcknowledgedAt" IS NULL THEN 0 ELSE 1 END,
                     CASE WHEN a."Urgency" = 'HoaToc' THEN 3 WHEN a."Urgency" = 'ThuongKhan' THEN 2 WHEN a."Urgency" = 'Khan' THEN 1 ELSE 0 END DESC,
                     a."IssuedOn" DESC, a."DirectiveId" DESC
            LIMIT 20
            """, commune).ToListAsync(Cancel));
        await db.Database.ExecuteSqlRawAsync("RESET enable_sort", Cancel);
        Assert.Contains("IX_Assignments_InboxOrder", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
