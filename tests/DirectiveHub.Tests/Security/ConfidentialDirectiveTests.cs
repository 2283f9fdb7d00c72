using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Seeding;
using DirectiveHub.Storage;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Security;

/// <summary>
/// A "Mật" directive of Huyện ủy Quốc Oai to Xã Sài Sơn, with Thị trấn Quốc Oai coordinating a task without being a
/// recipient, and an evidence file on Sài Sơn's report. Its content reaches the issuer and Sài Sơn; the root
/// administrator and the city above get 404 on its id routes and see it only counted, as "Văn bản mật".
/// </summary>
public sealed class ConfidentialDirectiveTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private const string Subject = "V/v công tác bảo vệ bí mật nhà nước quý IV";
    private const string TaskText = "Rà soát danh mục tài liệu mật tại xã";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly SemaphoreSlim Built = new(1, 1);
    private static (Guid Directive, Guid Evidence)? _built;

    [Fact]
    public async Task A_confidential_directive_answers_404_on_every_id_route_to_the_committees_above_and_the_administrator()
    {
        app.Require();
        var (directive, evidence) = await BuildAsync();

        foreach (var email in new[] { DemoAccounts.Admin, "leader.hanoi@demo.local", "clerk.hanoi@demo.local" })
        {
            var pages = app.Factory.CreateBrowserLikeClient();
            await pages.SignInOrFailAsync(email);
            string[] urls = [$"/Tracking/{directive}", $"/Directives/Print/{directive}", $"/Inbox/Evidence/{evidence}", .. email.StartsWith("clerk", StringComparison.Ordinal) ? [$"/Directives/Details/{directive}"] : Array.Empty<string>()];
            foreach (var url in urls)
            {
                var response = await pages.GetAsync(new Uri(url, UriKind.Relative), Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} {url}: {response.StatusCode}");
            }

            var api = await app.Factory.ApiClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/directives/{directive}", UriKind.Relative), Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/directives/{directive}/tracking", UriKind.Relative), Cancel)).StatusCode);
        }

        // The issuer's clerk and the recipient's officer read it in full.
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(new Uri($"/api/directives/{directive}/tracking", UriKind.Relative), Cancel)).StatusCode);
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        Assert.Contains(TaskText, (await officer.GetDocumentAsync($"/Inbox/Directive/{directive}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/Inbox/Evidence/{evidence}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Dashboards_and_their_lists_count_a_confidential_directive_under_its_number_without_its_content()
    {
        app.Require();
        var (directive, _) = await BuildAsync();
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == directive).Select(d => d.Number).SingleAsync(Cancel));
        var hanoi = await app.OrganizationAsync("HN");
        var leader = app.Factory.CreateBrowserLikeClient();
        await leader.SignInOrFailAsync("leader.hanoi@demo.local");
        const string period = "preset=custom&from=2026-11-01&to=2026-11-30";

        var byDirective = await leader.GetDocumentAsync($"/Dashboard/Directives?{period}&org={hanoi}");
        var entry = Assert.Single(byDirective.QuerySelectorAll("[data-testid=by-directive] > li"));
        Assert.Contains(number!, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(VisibilityQueries.ConfidentialPlaceholder, entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Subject, byDirective.Body!.TextContent, StringComparison.Ordinal);

        var items = await leader.GetDocumentAsync($"/Dashboard/Items?org={hanoi}&from=2026-11-01&to=2026-11-30&status=all");
        Assert.Equal(2, items.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain(TaskText, items.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(VisibilityQueries.ConfidentialPlaceholder, items.Body!.TextContent, StringComparison.Ordinal);

        var csv = await leader.GetStringAsync(new Uri($"/Dashboard/Directives?handler=Csv&{period}&org={hanoi}", UriKind.Relative), Cancel);
        Assert.DoesNotContain(Subject, csv, StringComparison.Ordinal);
        Assert.Contains(VisibilityQueries.ConfidentialPlaceholder, csv, StringComparison.Ordinal);

        var api = await app.Factory.ApiClientAsync("leader.hanoi@demo.local");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/dashboard?organizationId={hanoi}&from=2026-11-01&to=2026-11-30", Cancel);
        Assert.Equal(1, json.GetProperty("directives").GetInt32());
        Assert.Equal(2, json.GetProperty("taskAssignments").GetProperty("total").GetInt32());
        Assert.DoesNotContain(TaskText, json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_feed_of_a_unit_that_is_not_a_recipient_shows_the_deadline_without_the_task_text()
    {
        app.Require();
        await BuildAsync();
        var coordinator = app.Factory.CreateBrowserLikeClient();
        await coordinator.SignInOrFailAsync("officer.ttquocoai.mat@demo.local");
        var issued = await PageClient.ParseAsync(await coordinator.SubmitFormAsync("/Account/Calendar", new Dictionary<string, string>(), "form[action*='handler=Issue']"));
        var address = new Uri(((AngleSharp.Html.Dom.IHtmlInputElement)issued.QuerySelector("#feed")!).Value);

        var ics = (await app.Factory.CreateClient().GetStringAsync(new Uri(address.PathAndQuery, UriKind.Relative), Cancel)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Contains("DTSTART;VALUE=DATE:20261215", ics, StringComparison.Ordinal);
        Assert.Contains(VisibilityQueries.ConfidentialPlaceholder, ics, StringComparison.Ordinal);
        Assert.DoesNotContain(TaskText, ics, StringComparison.Ordinal);
    }

    private async Task<(Guid Directive, Guid Evidence)> BuildAsync()
    {
        await Built.WaitAsync(Cancel);
        try
        {
            if (_built is { } built && await app.QueryAsync(db => db.Directives.AnyAsync(d => d.Id == built.Directive, Cancel)))
            {
                return built;
            }

            await app.CreateUserAsync("leader.hanoi@demo.local", "HN", Roles.Leader);
            await app.CreateUserAsync("clerk.hanoi@demo.local", "HN", Roles.Clerk);
            await app.CreateUserAsync("officer.ttquocoai.mat@demo.local", "HN-QO-TTQO", Roles.Officer);
            var store = app.Factory.Services.GetRequiredService<IFileStore>();
            var key = await store.PutAsync(new MemoryStream("biên bản rà soát"u8.ToArray()), Cancel);

            await using var db = app.CreateDbContext();
            var quocOai = await db.Organizations.SingleAsync(o => o.Code == "HN-QO", Cancel);
            var hanoi = await db.Organizations.SingleAsync(o => o.Code == "HN", Cancel);
            var saiSon = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-SS", Cancel);
            var thiTran = await db.Organizations.SingleAsync(o => o.Code == "HN-QO-TTQO", Cancel);
            var clerk = await db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync(Cancel);
            var officer = await db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(Cancel);
            var at = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
            var register = new NumberRegister(quocOai.Id, "CV", true, NumberingPeriod.CalendarYear, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
            db.NumberRegisters.Add(register);
            var directive = new Directive(quocOai.Id, new DirectiveContent
            {
                Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
                DocumentType = "CV",
                Subject = Subject,
                Confidentiality = Confidentiality.Mat,
                Recipients = [new RecipientContent(saiSon.Id, "Đảng ủy xã Sài Sơn")],
                Tasks = [new TaskContent(TaskText, new DateOnly(2026, 12, 15), saiSon.Id, [thiTran.Id], [])],
            }, clerk, at);
            directive.Publish(register, quocOai, hanoi, new DateOnly(2026, 11, 10), clerk, at);
            db.Directives.Add(directive);
            var receipt = directive.Assignments.Single(a => a.OrganizationId == saiSon.Id);
            receipt.Acknowledge(officer, at.AddHours(1));
            var report = directive.TaskAssignments.Single(t => t.OrganizationId == saiSon.Id).Report(receipt, ProgressStatus.InProgress, "Đang rà soát", officer, at.AddHours(2));
            await db.SaveChangesAsync(Cancel);
            var evidence = new ReportEvidence(report.Id, "bien-ban.txt", "text/plain", 10, key, at.AddHours(2));
            db.ReportEvidence.Add(evidence);
            await db.SaveChangesAsync(Cancel);
            _built = (directive.Id, evidence.Id);
            return _built.Value;
        }
        finally
        {
            Built.Release();
        }
    }
}
