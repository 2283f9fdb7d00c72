using System.Net;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Registers;

public sealed class RegisterTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task Each_register_on_PostgreSQL_matches_the_rows_written_by_hand()
    {
        app.Require();
        await RegisterScenario.RunAsync(app.Factory, app.CreateDbContext);
    }

    [Fact]
    public async Task A_commune_officer_cannot_open_another_communes_register_page_print_or_workbook()
    {
        app.Require();
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var cancel = TestContext.Current.CancellationToken;
        foreach (var url in new[] { $"/Registers/incoming?org={ngocLiep}", $"/Registers/Print/follow-up?org={ngocLiep}", $"/Registers/outgoing?org={ngocLiep}&handler=Xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri(url, UriKind.Relative), cancel)).StatusCode);
        }

        var own = await officer.GetDocumentAsync($"/Registers/incoming?org={saiSon}&year=2021");
        Assert.Contains("114-CV/HU", own.QuerySelectorAll("table.register td").Select(td => td.TextContent.Trim()));

        // The district clerk reads the commune's register (a committee sees the units beneath it).
        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        var page = await clerk.GetDocumentAsync($"/Registers/incoming?org={saiSon}&year=2021");
        Assert.Contains("114-CV/HU", page.QuerySelectorAll("table.register td").Select(td => td.TextContent.Trim()));
        var bad = await clerk.GetDocumentAsync($"/Registers/incoming?org={saiSon}&from=2021-12-01&to=2021-01-01");
        Assert.Contains("Ngày kết thúc phải sau ngày bắt đầu.", bad.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("01/12/2021", bad.QuerySelector("input#from")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_task_slip_of_114_CV_HU_names_the_lead_the_coordinators_and_their_deadlines_for_the_receiving_unit_only()
    {
        app.Require();
        var directive = await app.DirectiveAsync("114-CV/HU");
        var other = await app.DirectiveAsync("213-CV/HU");
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);

        var slip = await officer.GetDocumentAsync($"/Registers/TaskSlip/{directive}");
        Assert.Equal("PHIẾU GIAO VIỆC", slip.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("1,", slip.QuerySelector("dd.arrival")!.TextContent.Trim(), StringComparison.Ordinal);
        var rows = slip.QuerySelectorAll("table.slip-tasks tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("ĐẢNG ỦY XÃ SÀI SƠN (15/11/2021)", rows[0].QuerySelector("td.lead")!.TextContent.Trim());
        Assert.Contains("ĐẢNG ỦY XÃ NGỌC LIỆP (15/11/2021)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("ỦY BAN MTTQ HUYỆN QUỐC OAI (30/11/2021)", rows[1].QuerySelector("td.lead")!.TextContent.Trim());
        Assert.All(rows, r => Assert.Contains("mine", r.ClassName ?? string.Empty, StringComparison.Ordinal));
        Assert.Contains("Ý kiến chỉ đạo của lãnh đạo", slip.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("LÃNH ĐẠO GIAO VIỆC", slip.Body!.TextContent, StringComparison.Ordinal);

        var cancel = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri($"/Registers/TaskSlip/{other}", UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri($"/Registers/TaskSlip/{directive}?org={ngocLiep}", UriKind.Relative), cancel)).StatusCode);
    }
}

/// <summary>The same scenario on the embedded default, SQLite: every cell the same as on PostgreSQL.</summary>
public sealed class SqliteRegisterTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dh-registers-{Guid.NewGuid():N}.db");
    private DirectiveHubFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new DirectiveHubFactory(DatabaseProvider.Sqlite, $"Data Source={_file}");
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Each_register_on_SQLite_matches_the_rows_written_by_hand() =>
        await RegisterScenario.RunAsync(_factory, () => DatabaseSetup.Create(DatabaseProvider.Sqlite, $"Data Source={_file}"));
}
