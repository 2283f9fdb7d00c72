using System.Net;
using System.Net.Http.Json;
using DirectiveHub.Directives;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Hardening;

public sealed class RaceAndBoundTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_draft_published_twenty_times_at_once_gives_one_success_and_409s_never_a_500()
    {
        app.Require();
        var issuer = await app.OrganizationAsync("HN-QO");
        var commune = await app.OrganizationAsync("HN-QO-SS");
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync(Cancel));
        var draft = new Directive(issuer, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "CV", Subject = "Bấm hai lần", Recipients = [new(commune, "Đảng ủy xã Sài Sơn")] }, clerk, DateTime.UtcNow);
        await using (var db = app.CreateDbContext())
        {
            db.Directives.Add(draft);
            await db.SaveChangesAsync(Cancel);
        }

        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync(new Uri($"/api/directives/{draft.Id}/publish", UriKind.Relative), null, Cancel)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(1, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Id == draft.Id && d.Number != null, Cancel)));
    }

    [Fact]
    public async Task A_register_refuses_an_absurd_next_number_and_an_overflowed_one_can_be_restarted()
    {
        app.Require();
        var admin = app.Factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(DemoAccounts.Admin);
        var register = await app.QueryAsync(db => db.NumberRegisters.OrderBy(r => r.Id).Select(r => new { r.Id, r.NextSequence }).FirstAsync(Cancel));
        var form = "form[action*='handler=Start'][action*='" + register.Id + "']";

        var absurd = await admin.SubmitFormAsync("/Admin/Registers", new Dictionary<string, string> { ["next"] = "2147483647" }, form);
        Assert.Equal(HttpStatusCode.OK, absurd.StatusCode);
        var beyond = await admin.SubmitFormAsync("/Admin/Registers", new Dictionary<string, string> { ["next"] = "1000000" }, form);
        Assert.Contains("999999", (await PageClient.ParseAsync(beyond)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(register.NextSequence, await app.QueryAsync(db => db.NumberRegisters.Where(r => r.Id == register.Id).Select(r => r.NextSequence).SingleAsync(Cancel)));

        // A register pushed to the end before the bound existed: the next publish would overflow.
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"NumberRegisters\" SET \"NextSequence\" = {int.MaxValue}, \"LastIssued\" = {int.MaxValue - 1} WHERE \"Id\" = {register.Id}", Cancel);
        }

        var restarted = await admin.SubmitFormAsync("/Admin/Registers", new Dictionary<string, string> { ["next"] = "500" }, form);
        Assert.Equal(HttpStatusCode.Redirect, restarted.StatusCode);
        Assert.Equal(500, await app.QueryAsync(db => db.NumberRegisters.Where(r => r.Id == register.Id).Select(r => r.NextSequence).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task JSON_null_for_a_list_and_a_NUL_in_a_string_are_400s_naming_the_field()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var nullList = await client.PostAsync(new Uri("/api/directives", UriKind.Relative), new StringContent("""{"documentType":"CV","subject":"x","recipientOrganizationIds":null}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, nullList.StatusCode);
        Assert.Contains("recipientOrganizationIds", await nullList.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var nul = await client.PostAsync(new Uri("/api/directives", UriKind.Relative), new StringContent("""{"documentType":"CV","subject":"a\u0000b"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("subject", await nul.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var page = await client.GetAsync(new Uri("/api/directives?page=2147483647", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("page", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        var audit = await admin.GetAsync(new Uri("/api/admin/audit?to=9999-12-31", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, audit.StatusCode);

        var many = new { documentType = "CV", subject = "x", recipientOrganizationIds = Enumerable.Range(0, 600).Select(_ => Guid.NewGuid()).ToList() };
        var tooMany = await client.PostAsJsonAsync("/api/directives", many, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("500", await tooMany.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
