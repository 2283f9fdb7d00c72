using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

/// <summary>Inside the receiving unit, on phones: the unit's clerk names the officer who handles a task, who then finds it in their inbox.</summary>
public sealed class HandlerBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_units_clerk_assigns_a_handler_on_a_phone_and_the_handler_finds_the_task_in_their_inbox()
    {
        app.Require();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var clerkEmail = $"clerk.saison.{tag}@demo.local";
        var handlerEmail = $"handler.saison.{tag}@demo.local";
        var handlerName = $"Nguyễn Thị Lan {tag}";
        await CreateUserAsync(clerkEmail, $"Trần Văn Bình {tag}", Roles.Clerk);
        await CreateUserAsync(handlerEmail, handlerName, Roles.Officer);
        var (directive, number) = await PublishAsync($"phân công xử lý {tag}");

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.SignInAsync(clerkEmail);
        await clerk.GotoAsync($"/Inbox/Directive/{directive}");
        var task = clerk.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await Assertions.Expect(task.GetByTestId("handler")).ToContainTextAsync("chưa phân công");
        await clerk.AssertAccessibleAsync();
        await clerk.AssertNoHorizontalScrollAsync();

        // Nothing chosen: the page says so and nothing is assigned.
        await task.GetByRole(AriaRole.Button, new() { Name = "Phân công", Exact = true }).EvaluateAsync("b => b.form.noValidate = true");
        await task.GetByRole(AriaRole.Button, new() { Name = "Phân công", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" }).GetByRole(AriaRole.Alert)).ToContainTextAsync("Cần chọn người xử lý.");

        task = clerk.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await task.GetByLabel("Người xử lý", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = handlerName });
        var button = task.GetByRole(AriaRole.Button, new() { Name = "Phân công", Exact = true });
        Assert.True((await button.BoundingBoxAsync())!.Height >= 44, "The button is a 44 px target.");
        await button.ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã phân công người xử lý.");
        task = clerk.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await Assertions.Expect(task.GetByTestId("handler")).ToContainTextAsync(handlerName);
        await Assertions.Expect(task.GetByTestId("handler-history")).ToContainTextAsync($"Trần Văn Bình {tag}");
        await clerk.AssertAccessibleAsync();

        var handler = await app.NewPageAsync(phone: true);
        await handler.SignInAsync(handlerEmail);
        await handler.GotoAsync("/Inbox");
        var duties = handler.GetByRole(AriaRole.Region, new() { Name = "Việc tôi xử lý" });
        var duty = duties.GetByRole(AriaRole.Link, new() { Name = $"Văn bản số {number} · nhiệm vụ 1" });
        await Assertions.Expect(duty).ToBeVisibleAsync();
        await Assertions.Expect(handler.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync(handlerName);
        await handler.AssertAccessibleAsync();
        await handler.AssertNoHorizontalScrollAsync();
        await duty.ClickAsync();
        await Assertions.Expect(handler.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" }).GetByTestId("handler")).ToContainTextAsync(handlerName);
        // An officer sees who handles the task but has no form to change it.
        await Assertions.Expect(handler.GetByRole(AriaRole.Button, new() { Name = "Phân công", Exact = true })).ToHaveCountAsync(0);
        await handler.AssertAccessibleAsync();
    }

    private async Task CreateUserAsync(string email, string fullName, string role)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, FullName = fullName, OrganizationId = await app.OrganizationIdAsync("HN-QO-SS"), EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private async Task<(Guid Id, string Number)> PublishAsync(string subject)
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
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("number").GetString()!);
    }
}
