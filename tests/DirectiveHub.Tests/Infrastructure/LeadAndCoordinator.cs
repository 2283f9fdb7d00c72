using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>The directive the lifecycle tests start from, published through the API by the demo clerk.</summary>
public static class LeadAndCoordinator
{
    /// <summary>
    /// A directive of Quốc Oai with one task: Sài Sơn (the demo officer's unit) leads, Phượng Cách coordinates. Each call
    /// publishes a new one (its subject is unique), so no test depends on another's data.
    /// </summary>
    public static async Task<(Guid Directive, Guid Lead, Guid Coordinator)> PublishAsync(this PostgresAppFixture app, string deadline = "2026-12-05", string text = "Báo cáo kết quả kiểm tra")
    {
        var cancel = TestContext.Current.CancellationToken;
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"kiểm tra việc thực hiện {Guid.NewGuid():N}",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            tasks = new object[] { new { text, deadline, leadOrganizationId = saiSon, coordinatingOrganizationIds = new[] { phuongCach }, subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, cancel)).StatusCode);
        var ids = await app.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == id).Select(t => new { t.Id, t.OrganizationId }).ToListAsync(cancel));
        return (id, ids.Single(t => t.OrganizationId == saiSon).Id, ids.Single(t => t.OrganizationId == phuongCach).Id);
    }
}
