using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Api;

public sealed class DirectiveApiTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerk_drafts_and_publishes_through_the_API_and_gets_the_next_number_of_the_term()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");

        var created = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "triển khai tiêm vắc xin phòng Covid-19 mũi 3",
            urgency = "Khan",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            otherRecipients = new[] { "Như kính gửi" },
            tasks = new object[]
            {
                new { text = "Rà soát danh sách người cần tiêm", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = new[] { phuongCach }, subtasks = Array.Empty<object>() },
                new { text = "Báo cáo kết quả về Văn phòng Huyện ủy", coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() },
            },
            distribution = new[] { new { text = "Ban Thường vụ Huyện ủy", purpose = "để b/c" }, new { text = "VPHU", purpose = "Lưu" } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
            references = new[] { new { number = "114-CV/HU" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var id = draft.GetProperty("id").GetGuid();

        var published = await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var result = await published.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Published", result.GetProperty("status").GetString());
        Assert.Matches(@"^\d{2,}-CV/HU$", result.GetProperty("number").GetString());
        Assert.Equal("2026-11-20", result.GetProperty("issuedOn").GetString());

        var whole = await client.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Cancel);
        var tasks = whole.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        var assignments = tasks[0].GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal([("Lead", saiSon), ("Coordinator", phuongCach)], assignments.Select(a => (a.GetProperty("role").GetString(), a.GetProperty("organizationId").GetGuid())));
        Assert.All(assignments, a => Assert.NotEqual(Guid.Empty, a.GetProperty("id").GetGuid()));
        Assert.Equal("HUYỆN ỦY QUỐC OAI", whole.GetProperty("issuerName").GetString());
        Assert.Equal("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", whole.GetProperty("parentBodyName").GetString());
        Assert.Equal(await app.DirectiveAsync("114-CV/HU"), whole.GetProperty("references")[0].GetProperty("directiveId").GetGuid());

        var edit = await client.PutAsJsonAsync($"/api/directives/{id}", new { documentType = "CV", subject = "x", recipientOrganizationIds = new[] { saiSon }, signer = new { name = "A" } }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var again = await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(["Created", "Published"], audit.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Invalid_drafts_get_a_problem_with_an_error_per_field_in_Vietnamese_and_nothing_is_saved()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var before = await app.QueryAsync(db => db.Directives.CountAsync(Cancel));

        var response = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "XX",
            subject = new string('x', 1001),
            recipientOrganizationIds = Array.Empty<Guid>(),
            tasks = new[] { new { text = "", coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", name = "" },
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Loại văn bản không hợp lệ.", errors.GetProperty("documentType")[0].GetString());
        Assert.StartsWith("Không được dài quá 1000 ký tự (đang có ", errors.GetProperty("subject")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Directives.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Malformed_JSON_gets_a_400_problem_not_a_500()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var response = await client.PostAsync(new Uri("/api/directives", UriKind.Relative), new StringContent("{\"urgency\": \"Rất gấp\"", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_unit_outside_the_issuers_committee_cannot_be_a_recipient()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var monSon = await app.OrganizationAsync("NA-CC-MS");
        var response = await client.PostAsJsonAsync("/api/directives", new { documentType = "CV", subject = "Thử", recipientOrganizationIds = new[] { monSon }, signer = new { name = "A" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_branch_gets_404_for_every_directive_route_and_never_sees_it_listed()
    {
        app.Require();
        var quocOai = await app.DirectiveAsync("114-CV/HU");
        var conCuongClerk = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await conCuongClerk.GetAsync(new Uri($"/api/directives/{quocOai}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conCuongClerk.PutAsJsonAsync($"/api/directives/{quocOai}", new { documentType = "CV", subject = "x", signer = new { name = "A" } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conCuongClerk.PostAsync(new Uri($"/api/directives/{quocOai}/publish", UriKind.Relative), null, Cancel)).StatusCode);
        var list = await conCuongClerk.GetFromJsonAsync<JsonElement>("/api/directives?q=covid", Cancel);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "114-CV/HU");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "213-CV/HU");
    }

    [Fact]
    public async Task The_list_searches_without_diacritics_or_case()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var byWords = await client.GetFromJsonAsync<JsonElement>("/api/directives?q=phong%20chong%20dich", Cancel);
        var byNumber = await client.GetFromJsonAsync<JsonElement>("/api/directives?q=114-cv/hu", Cancel);
        var byYear = await client.GetFromJsonAsync<JsonElement>("/api/directives?year=2020", Cancel);

        Assert.Contains(byWords.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "114-CV/HU");
        Assert.Equal("114-CV/HU", byNumber.GetProperty("items")[0].GetProperty("number").GetString());

        // Whole words in any order (issue #14), the last one still being typed, with diacritics and punctuation or not.
        var typing = await client.GetFromJsonAsync<JsonElement>("/api/directives?q=Ph%C3%B2ng%2C%20ch%E1%BB%91ng%20d", Cancel);
        Assert.Contains(typing.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "114-CV/HU");
        var wrongOrder = await client.GetFromJsonAsync<JsonElement>("/api/directives?q=dich%20chong%20phong", Cancel);
        Assert.Contains(wrongOrder.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "114-CV/HU");
        var missingWord = await client.GetFromJsonAsync<JsonElement>("/api/directives?q=phong%20chong%20dich%20khongcotu", Cancel);
        Assert.Empty(missingWord.GetProperty("items").EnumerateArray());
        Assert.Equal(0, byYear.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_officer_cannot_draft()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        var response = await officer.PostAsJsonAsync("/api/directives", new { documentType = "CV", subject = "x" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
