using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using DirectiveHub.Exchange;
using DirectiveHub.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

/// <summary>
/// What the exchange adds to two pages, on a phone and on a desktop, checked with axe: the issuer's tracking page with
/// the "Trạng thái liên thông" column and the deliveries to peers, and the receiving unit's inbox with the automatic
/// signature check of the record copy. The exchange's records are written as an arrival over the exchange leaves them.
/// </summary>
public sealed class ExchangeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_tracking_column_deliveries_and_the_inbox_signature_lines_read_well_and_pass_axe(bool phone)
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var directive = await PublishAsync($"liên thông trên trình duyệt {Guid.NewGuid():N}");
        var saiSon = await app.OrganizationIdAsync("HN-QO-SS");
        var now = DateTime.UtcNow;
        await using (var db = DatabaseSetup.Create(DatabaseProvider.Postgres, app.ConnectionString))
        {
            var number = await db.Directives.Where(d => d.Id == directive).Select(d => d.Number!).SingleAsync(cancel);
            foreach (var code in new[] { "01", "03", "04" })
            {
                db.ReceivedStatuses.Add(new ReceivedStatus(directive, saiSon, "HN-QO-SS", code, ExchangeStatusText.Of(code), "Nguyễn Văn An", now, "SYS-B", now));
            }

            db.OutgoingPackages.Add(new OutgoingPackage(directive, "SYS-B", ["HN-QO-SS"], now));
            db.ReceivedPackages.Add(new ReceivedPackage(Guid.NewGuid(), $"EXT-{Guid.NewGuid():N}"[..20], number, new DateOnly(2026, 11, 20), directive, "SYS-A", new string('a', 64),
                "Chữ ký 1: CN=Huyện ủy Quốc Oai, ký lúc 20/11/2026 09:00\nVăn bản không bị sửa sau khi ký.\nChứng thư không thuộc gốc tin cậy nào đã cấu hình.", now));
            await db.SaveChangesAsync(cancel);
        }

        var clerk = await app.NewPageAsync(phone);
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Tracking/{directive}");
        await Assertions.Expect(clerk.Locator("section[aria-labelledby=recipients-heading]")).ToContainTextAsync("Trạng thái liên thông");
        var row = clerk.Locator("section[aria-labelledby=recipients-heading] tbody tr").Filter(new() { HasText = "SÀI SƠN" });
        await Assertions.Expect(row).ToContainTextAsync("Đã đến");
        await Assertions.Expect(row).ToContainTextAsync("Đã phân công");
        var deliveries = clerk.GetByTestId("exchange-deliveries");
        await Assertions.Expect(deliveries).ToContainTextAsync("Gửi liên thông đến hệ thống khác");
        await Assertions.Expect(deliveries).ToContainTextAsync("Đang chờ gửi");
        await clerk.AssertAccessibleAsync();
        if (phone)
        {
            await clerk.AssertNoHorizontalScrollAsync();
        }

        var officer = await app.NewPageAsync(phone);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync($"/Inbox/Directive/{directive}");
        var signatures = officer.Locator("section[aria-labelledby=exchange-signatures-heading]");
        await Assertions.Expect(signatures.GetByRole(AriaRole.Heading)).ToContainTextAsync("Chữ ký số của bản gốc điện tử");
        await Assertions.Expect(signatures).ToContainTextAsync("Văn bản không bị sửa sau khi ký.");
        await officer.AssertAccessibleAsync();
        if (phone)
        {
            await officer.AssertNoHorizontalScrollAsync();
        }
    }

    private async Task<Guid> PublishAsync(string subject)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Clerk, password = DemoAccounts.Password }, cancel);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var saiSon = await app.OrganizationIdAsync("HN-QO-SS");
        var created = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject,
            recipientOrganizationIds = new[] { saiSon },
            tasks = new object[] { new { text = "Báo cáo kết quả", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, cancel);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();
        var published = await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, cancel);
        published.EnsureSuccessStatusCode();
        return id;
    }
}
