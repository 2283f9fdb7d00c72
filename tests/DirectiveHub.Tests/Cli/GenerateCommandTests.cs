using System.Net;
using DirectiveHub.Cli;
using DirectiveHub.Cli.Commands;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Cli;

public sealed class GenerateCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_fills_an_empty_database_with_a_consistent_pre_reform_province_the_app_can_serve()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:DirectiveHub"] = database.ConnectionString };
        var output = new StringWriter();
        var error = new StringWriter();
        var cli = new CliApp(output, error, settings);

        Assert.Equal(0, await cli.RunAsync(["generate", "--organizations", "60", "--directives", "300", "--seed", "7", "--shape", "pre-reform"], Cancel));
        Assert.Contains("Generated 60 organizations, 300 directives", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("leader@gen.local", output.ToString(), StringComparison.Ordinal);

        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            // Four levels: province, districts, communes, cells.
            Assert.Equal(60, await db.Organizations.CountAsync(Cancel));
            Assert.Equal(3, await db.Organizations.MaxAsync(o => o.Depth, Cancel));
            Assert.Equal(60, await db.OrganizationRevisions.CountAsync(Cancel));

            var perDirective = await db.Directives.Select(d => new
            {
                Tasks = db.DirectiveTasks.Count(t => t.DirectiveId == d.Id),
                Receipts = db.Assignments.Count(a => a.DirectiveId == d.Id),
            }).ToListAsync(Cancel);
            Assert.Equal(300, perDirective.Count);
            Assert.All(perDirective, d => Assert.InRange(d.Tasks, 3, 8));
            Assert.All(perDirective, d => Assert.InRange(d.Receipts, 5, 60));

            // Every task assignment goes to a recipient of its directive; receipts are acknowledged after publication.
            Assert.False(await db.TaskAssignments.AnyAsync(t => !db.Assignments.Any(a => a.DirectiveId == t.DirectiveId && a.OrganizationId == t.OrganizationId), Cancel));
            Assert.False(await db.Assignments.AnyAsync(a => a.AcknowledgedAt != null && db.Directives.Any(d => d.Id == a.DirectiveId && a.AcknowledgedAt < d.PublishedAt), Cancel));
            var statuses = await db.TaskAssignments.GroupBy(t => t.Status).Select(g => g.Key).ToListAsync(Cancel);
            Assert.Contains(DirectiveHub.Assignments.ProgressStatus.Done, statuses);
            Assert.Contains(DirectiveHub.Assignments.ProgressStatus.DoneLate, statuses);
            Assert.True(await db.TaskAssignments.AnyAsync(t => t.OverdueFlaggedAt != null && t.CompletedAt == null, Cancel));
            Assert.True(await db.Set<DirectiveHub.Directives.DirectiveReference>().AnyAsync(Cancel));

            // Numbers run per issuer, type and year without a gap or a repeat.
            var numbering = await db.Directives.GroupBy(d => new { d.IssuerId, d.DocumentType, d.IssuedOn!.Value.Year })
                .Select(g => new { Count = g.Count(), Max = g.Max(d => d.Sequence), Distinct = g.Select(d => d.Sequence).Distinct().Count() })
                .ToListAsync(Cancel);
            Assert.All(numbering, n => Assert.Equal((n.Count, n.Count), (n.Max!.Value, n.Distinct)));

            // Every receipt has its arrival number: per unit and year from 1 without a gap, the register at the last.
            Assert.False(await db.Assignments.AnyAsync(a => a.ArrivalNumber == null || a.ArrivedAt == null, Cancel));
            var arrivals = await db.Assignments.GroupBy(a => new { a.OrganizationId, a.ArrivalYear })
                .Select(g => new { g.Key.OrganizationId, g.Key.ArrivalYear, Count = g.Count(), Max = g.Max(a => a.ArrivalNumber), Distinct = g.Select(a => a.ArrivalNumber).Distinct().Count() })
                .ToListAsync(Cancel);
            Assert.All(arrivals, n => Assert.Equal((n.Count, n.Count), (n.Max!.Value, n.Distinct)));
            var registers = await db.ArrivalRegisters.ToDictionaryAsync(r => (r.OrganizationId, (int?)r.Year), r => r.LastIssued, Cancel);
            Assert.All(arrivals, n => Assert.Equal(n.Count, registers[(n.OrganizationId, n.ArrivalYear)]));
        }

        // The generated accounts sign in and the province dashboard renders the generated tree.
        await using (var factory = new DirectiveHubFactory(DatabaseProvider.Postgres, database.ConnectionString, new Dictionary<string, string?> { ["Demo:Seed"] = "false" }))
        {
            var leader = factory.CreateBrowserLikeClient();
            await leader.SignInOrFailAsync("leader@gen.local", GenerateCommand.DefaultPassword);
            var page = await leader.GetDocumentAsync("/Dashboard?preset=custom&from=2016-01-01&to=2026-12-31");
            Assert.True(page.QuerySelectorAll("[data-testid=unit-tree] tbody tr").Length > 5);
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(new Uri("/Diagnostics/Baseline", UriKind.Relative), Cancel)).StatusCode);
        }

        // A database that holds a province already is refused.
        Assert.Equal(2, await cli.RunAsync(["generate", "--organizations", "60", "--directives", "10"], Cancel));
        Assert.Contains("empty database", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_draws_a_post_reform_province_of_communes_and_chi_bo_with_its_boards_bodies_and_front()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:DirectiveHub"] = database.ConnectionString };
        var output = new StringWriter();
        var cli = new CliApp(output, new StringWriter(), settings);

        Assert.Equal(0, await cli.RunAsync(["generate", "--organizations", "250", "--directives", "1500", "--seed", "3"], Cancel));
        Assert.Contains("Generated 250 organizations, 1,500 directives", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Shape post-reform", output.ToString(), StringComparison.Ordinal);

        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        var units = await db.Organizations.Select(o => new { o.Id, o.Kind, o.Depth, o.ParentId }).ToListAsync(Cancel);
        Assert.Equal(250, units.Count);
        var province = Assert.Single(units, u => u.Depth == 0);
        Assert.Equal(OrganizationKind.ProvincialCommittee, province.Kind);

        // No district level: the province steers its communes (one per 50 units) directly, each commune its chi bộ.
        Assert.DoesNotContain(units, u => u.Kind == OrganizationKind.DistrictCommittee);
        Assert.Equal(2, units.Max(u => u.Depth));
        var communes = units.Where(u => u.Kind == OrganizationKind.CommuneCommittee).ToList();
        Assert.Equal(5, communes.Count);
        Assert.All(communes, c => Assert.Equal(province.Id, c.ParentId));
        var cells = units.Where(u => u.Kind == OrganizationKind.PartyCell).ToList();
        Assert.All(cells, c => Assert.Contains(communes, m => m.Id == c.ParentId));
        Assert.True(cells.Count > 200);

        // Boards, state bodies and mass organisations beside the province, and a council, committee and front in each commune.
        Assert.Equal(5, units.Count(u => u.Kind == OrganizationKind.CommitteeBoard && u.ParentId == province.Id));
        Assert.Equal(2, units.Count(u => u.Kind == OrganizationKind.StateBody && u.ParentId == province.Id));
        Assert.Equal(6, units.Count(u => u.Kind == OrganizationKind.MassOrganization && u.ParentId == province.Id));
        Assert.All(communes, c => Assert.Equal(3, units.Count(u => u.ParentId == c.Id && u.Kind is OrganizationKind.StateBody or OrganizationKind.MassOrganization)));

        // The province and its boards write to the communes; a commune writes to its own units only.
        var issued = await db.Directives.Select(d => new { d.IssuerId, d.IssuedOn, Recipients = db.Assignments.Where(a => a.DirectiveId == d.Id).Select(a => a.OrganizationId).ToList() }).ToListAsync(Cancel);
        var kindOf = units.ToDictionary(u => u.Id, u => u.Kind);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        Assert.Contains(issued, d => d.IssuerId == province.Id);
        Assert.Contains(issued, d => kindOf[d.IssuerId] == OrganizationKind.CommitteeBoard);
        var fromCommunes = issued.Where(d => kindOf[d.IssuerId] == OrganizationKind.CommuneCommittee).ToList();
        Assert.InRange(fromCommunes.Count, 1000, 1400);
        Assert.All(fromCommunes, d => Assert.All(d.Recipients, r => Assert.Equal(d.IssuerId, parentOf[r])));
        Assert.All(issued.Where(d => d.IssuerId == province.Id), d => Assert.All(d.Recipients, r => Assert.Equal(province.Id, parentOf[r])));
        Assert.Contains(issued, d => d.IssuerId == province.Id && d.Recipients.Count(r => kindOf[r] == OrganizationKind.CommuneCommittee) == communes.Count);

        // Ten years, mostly on working days, with Tết's week all but empty.
        var dates = issued.Select(d => d.IssuedOn!.Value).ToList();
        Assert.True((dates.Max().DayNumber - dates.Min().DayNumber) > 3500);
        Assert.True(dates.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) < dates.Count / 20);
        var recent = dates.Count(d => d > dates.Max().AddYears(-2));
        var early = dates.Count(d => d < dates.Min().AddYears(2));
        Assert.True(recent > early, $"recent {recent}, early {early}");
    }
}
