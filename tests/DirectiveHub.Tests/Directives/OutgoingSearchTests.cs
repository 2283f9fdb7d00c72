using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Directives;

/// <summary>A search in the outgoing register pages forward and back without counting every match.</summary>
public sealed class OutgoingSearchTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_with_more_than_a_page_offers_the_next_page_and_the_last_page_knows_the_total()
    {
        app.Require();
        var api = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        for (var i = 1; i <= 23; i++)
        {
            var created = await api.PostAsJsonAsync("/api/directives", new
            {
                documentType = "TB",
                subject = $"lịch tiếp công dân tháng {i}",
                recipientOrganizationIds = new[] { saiSon },
                tasks = Array.Empty<object>(),
                signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
            }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            if (i % 2 == 0)
            {
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
                Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);
            }
        }

        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);

        var first = await clerk.GetDocumentAsync("/Directives?q=lich%20tiep%20cong%20dan");
        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Kết quả 1–20", first.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelectorAll("nav a.page-link").Single(a => a.TextContent.Contains("Trang sau", StringComparison.Ordinal));

        // Drafts come first (newest change first), then the published by number: every one of the 23 appears once.
        var second = await clerk.GetDocumentAsync(next.GetAttribute("href")!);
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("23", second.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(second.QuerySelectorAll("nav a.page-link"), a => a.TextContent.Contains("Trang sau", StringComparison.Ordinal));
        var subjects = first.QuerySelectorAll("tbody tr td:nth-child(3)").Concat(second.QuerySelectorAll("tbody tr td:nth-child(3)")).Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(23, subjects.Distinct().Count());
        Assert.Equal("Dự thảo", first.QuerySelector("tbody tr td:nth-child(4)")!.TextContent.Trim());
        Assert.Equal("Dự thảo", first.QuerySelectorAll("tbody tr td:nth-child(4)")[11].TextContent.Trim());
        Assert.NotEqual("Dự thảo", first.QuerySelectorAll("tbody tr td:nth-child(4)")[12].TextContent.Trim());
    }
}
