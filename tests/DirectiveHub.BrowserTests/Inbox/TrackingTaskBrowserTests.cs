using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

/// <summary>
/// A whole task on the tracking page, on a phone: the coordinating unit's result stands beside the lead's, and the
/// issuer's clerk cancels the task with a reason only once the confirmation box is ticked.
/// </summary>
public sealed class TrackingTaskBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_clerk_cancels_a_whole_task_on_a_phone_after_confirming_and_sees_it_cancelled()
    {
        app.Require();
        var directive = await PublishAsync();

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Tracking/{directive}");
        var leadRow = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "ĐẢNG ỦY XÃ SÀI SƠN" }).Filter(new() { HasText = "Chủ trì" });
        await Assertions.Expect(leadRow.GetByTestId("coordinator-results")).ToContainTextAsync("Chưa thực hiện · chưa báo cáo");
        await Assertions.Expect(clerk.Locator("[data-testid^=task-state-]")).ToHaveTextAsync("Nhiệm vụ: Đang thực hiện (theo kết quả của đơn vị chủ trì)");

        var cancelTask = clerk.Locator("details[data-testid^=cancel-task-]");
        await cancelTask.Locator("summary").ClickAsync();
        await clerk.AssertAccessibleAsync();
        await cancelTask.GetByLabel("Lý do hủy").FillAsync("Nhiệm vụ đã được Huyện ủy giao cho Ban Tuyên giáo.");

        // Unticked, the box stops the form: nothing is sent and the task stays.
        await cancelTask.GetByRole(AriaRole.Button, new() { Name = "Hủy nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid^=task-state-]")).ToContainTextAsync("Đang thực hiện");
        Assert.False(await cancelTask.GetByRole(AriaRole.Checkbox).EvaluateAsync<bool>("box => box.validity.valid"));

        await cancelTask.GetByRole(AriaRole.Checkbox).CheckAsync();
        await cancelTask.GetByRole(AriaRole.Button, new() { Name = "Hủy nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã hủy nhiệm vụ 1: 2 phần việc của các đơn vị.");
        await Assertions.Expect(clerk.Locator("[data-testid^=task-state-]")).ToHaveTextAsync("Nhiệm vụ: Đã hủy (theo kết quả của đơn vị chủ trì)");
        await Assertions.Expect(leadRow).ToContainTextAsync("Đã hủy: Nhiệm vụ đã được Huyện ủy giao cho Ban Tuyên giáo.");
        await Assertions.Expect(clerk.Locator("details[data-testid^=cancel-task-]")).ToHaveCountAsync(0);
        await clerk.AssertAccessibleAsync();
    }

    /// <summary>A Quốc Oai directive with one task: Sài Sơn leads, Phượng Cách coordinates; published through the API.</summary>
    private async Task<Guid> PublishAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Clerk, password = DemoAccounts.Password }, cancel);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var saiSon = await app.OrganizationIdAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationIdAsync("HN-QO-PC");
        var created = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"tổng kết công tác tuyên truyền {Guid.NewGuid():N}",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            tasks = new object[] { new { text = "Báo cáo kết quả", deadline = "2026-12-15", leadOrganizationId = saiSon, coordinatingOrganizationIds = new[] { phuongCach }, subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, cancel);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();
        (await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, cancel)).EnsureSuccessStatusCode();
        return id;
    }
}
