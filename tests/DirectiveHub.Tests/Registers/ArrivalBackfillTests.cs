using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Registers;

/// <summary>
/// Arrival numbers for receipts that have none, on PostgreSQL: the demo province plus receipts written as they were
/// before arrival numbers existed (published without entering the incoming registers), numbered by
/// <c>directivehub backfill-arrivals</c>; and a dissolution, whose successor now enters what it takes over.
/// </summary>
public sealed class ArrivalBackfillTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backfill_numbers_old_receipts_per_unit_and_year_in_order_of_arrival_after_the_numbers_given_and_a_second_run_changes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var cli = new CliApp(new StringWriter(), new StringWriter(), Settings(database));
        Assert.Equal(0, await cli.RunAsync(["seed", "--demo"], Cancel));

        Guid saiSon, ngocLiep;
        Dictionary<Guid, int> given;
        var old = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            saiSon = await db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel);
            ngocLiep = await db.Organizations.Where(o => o.Code == "HN-QO-NL").Select(o => o.Id).SingleAsync(Cancel);
            given = await db.Assignments.Where(a => a.ArrivalNumber != null).ToDictionaryAsync(a => a.Id, a => a.ArrivalNumber!.Value, Cancel);
            // Written out of the order of arrival, and one of them before 114-CV/HU (numbered 1 at Sài Sơn) arrived.
            old["B"] = await PublishUnnumberedAsync(db, new DateOnly(2021, 12, 1), saiSon);
            old["C"] = await PublishUnnumberedAsync(db, new DateOnly(2020, 6, 1), saiSon);
            old["A"] = await PublishUnnumberedAsync(db, new DateOnly(2021, 10, 1), saiSon, ngocLiep);
            old["D"] = await PublishUnnumberedAsync(db, new DateOnly(2021, 11, 15), ngocLiep);
        }

        var output = new StringWriter();
        cli = new CliApp(output, new StringWriter(), Settings(database));
        Assert.Equal(0, await cli.RunAsync(["backfill-arrivals", "--dry-run"], Cancel));
        Assert.Contains("Dry run: 5 receipts in 2 units have no arrival number.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await cli.RunAsync(["backfill-arrivals"], Cancel));
        Assert.Contains("Numbered 5 receipts in 2 units.", output.ToString(), StringComparison.Ordinal);

        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            var receipts = await db.Assignments.Select(a => new { a.Id, a.DirectiveId, a.OrganizationId, a.ArrivalNumber, a.ArrivalYear, a.ArrivedAt }).ToListAsync(Cancel);
            Assert.All(receipts, r => Assert.NotNull(r.ArrivalNumber));
            Assert.All(given, g => Assert.Equal(g.Value, receipts.Single(r => r.Id == g.Key).ArrivalNumber));
            var number114 = await db.Directives.Where(d => d.Number == "114-CV/HU").Select(d => d.Id).SingleAsync(Cancel);
            Assert.Equal(1, receipts.Single(r => r.DirectiveId == number114 && r.OrganizationId == saiSon).ArrivalNumber);

            int? Of(string name, Guid unit) => receipts.Single(r => r.DirectiveId == old[name] && r.OrganizationId == unit).ArrivalNumber;
            var saiSon2021 = given.Count(g => receipts.Single(r => r.Id == g.Key) is { } r && r.OrganizationId == saiSon && r.ArrivalYear == 2021);
            var ngocLiep2021 = given.Count(g => receipts.Single(r => r.Id == g.Key) is { } r && r.OrganizationId == ngocLiep && r.ArrivalYear == 2021);
            Assert.Equal((saiSon2021 + 1, saiSon2021 + 2, 1), (Of("A", saiSon), Of("B", saiSon), Of("C", saiSon)));
            Assert.Equal((ngocLiep2021 + 1, ngocLiep2021 + 2), (Of("A", ngocLiep), Of("D", ngocLiep)));
            Assert.Equal(2020, receipts.Single(r => r.DirectiveId == old["C"]).ArrivalYear);

            // Every register from 1 without a gap or a repeat, its counter at the last number.
            var registers = await db.ArrivalRegisters.ToDictionaryAsync(r => (r.OrganizationId, r.Year), r => r.LastIssued, Cancel);
            foreach (var group in receipts.GroupBy(r => (r.OrganizationId, r.ArrivalYear!.Value)))
            {
                Assert.Equal(Enumerable.Range(1, group.Count()), group.Select(r => r.ArrivalNumber!.Value).Order());
                Assert.Equal(group.Count(), registers[group.Key]);
            }
        }

        Assert.Equal(0, await cli.RunAsync(["backfill-arrivals"], Cancel));
        Assert.Contains("Numbered 0 receipts in 0 units.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successor_enters_the_directives_it_takes_over_in_its_incoming_register()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        Assert.Equal(0, await new CliApp(new StringWriter(), new StringWriter(), Settings(database)).RunAsync(["seed", "--demo"], Cancel));
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        var town = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-TTQO", Cancel);
        var phuongCach = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-PC", Cancel);
        var directive = await PublishUnnumberedAsync(db, new DateOnly(2026, 11, 2), town.Id);
        await new ArrivalBackfill(db).RunAsync(false, Cancel);

        var admin = await db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(Cancel);
        var transferred = await new OrganizationChanges(db, TimeProvider.System).DissolveAsync(town.Id, phuongCach.Id, new DateOnly(2026, 12, 1), new Actor(admin, DemoAccounts.Admin, town.ParentId!.Value, null), Cancel);
        Assert.True(transferred >= 1);

        var receipt = await db.Assignments.AsNoTracking().SingleAsync(a => a.DirectiveId == directive && a.OrganizationId == phuongCach.Id, Cancel);
        Assert.NotNull(receipt.ArrivalNumber);
        Assert.NotNull(receipt.ArrivedAt);
        var register = await db.ArrivalRegisters.AsNoTracking().SingleAsync(r => r.OrganizationId == phuongCach.Id && r.Year == receipt.ArrivalYear, Cancel);
        Assert.Equal(register.LastIssued, receipt.ArrivalNumber);
        Assert.False(await db.Assignments.AnyAsync(a => a.ArrivalNumber == null, Cancel));
    }

    private static Dictionary<string, string?> Settings(PostgresDatabase database) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:DirectiveHub"] = database.ConnectionString,
    };

    /// <summary>A notice of Huyện ủy Quốc Oai with a task for each unit, published the way receipts were before arrival numbers: none given.</summary>
    private static async Task<Guid> PublishUnnumberedAsync(AppDbContext db, DateOnly issuedOn, params Guid[] units)
    {
        var issuer = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
        var parent = await db.Organizations.SingleAsync(o => o.Id == issuer.ParentId, Cancel);
        var clerk = await db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync(Cancel);
        var register = await db.NumberRegisters.SingleOrDefaultAsync(r => r.IssuerId == issuer.Id && r.DocumentType == "TB" && r.PeriodStart == new DateOnly(issuedOn.Year, 1, 1), Cancel);
        if (register is null)
        {
            register = NumberRegister.ForYear(issuer.Id, "TB", false, issuedOn.Year);
            db.NumberRegisters.Add(register);
        }

        var at = issuedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        var directive = new Directive(issuer.Id, new DirectiveContent
        {
            Signer = new Signer(SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
            DocumentType = "TB",
            Subject = $"thông báo ngày {issuedOn:dd/MM/yyyy}",
            Recipients = units.Select(u => new RecipientContent(u, u.ToString())).ToList(),
            Tasks = units.Select(u => new TaskContent("Triển khai thông báo", issuedOn.AddDays(30), u, [], [])).ToList(),
        }, clerk, at);
        directive.Publish(register, issuer, parent, issuedOn, clerk, at);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(Cancel);
        return directive.Id;
    }
}
