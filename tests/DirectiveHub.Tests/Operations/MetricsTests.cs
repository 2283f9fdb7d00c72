using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Operations;

public sealed class MetricsTests(MetricsAppFixture app) : IClassFixture<MetricsAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_publish_the_scrape_endpoint_shows_the_domain_counter_to_a_caller_with_the_token_only()
    {
        app.Require();
        var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel)).StatusCode);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        wrongToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(wrongToken, Cancel)).StatusCode);

        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var created = await client.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = "kiểm tra số liệu giám sát",
            recipientOrganizationIds = new[] { saiSon },
            tasks = Array.Empty<object>(),
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);

        var text = await ScrapeUntilAsync(l => l.StartsWith("directivehub_directives_published_total", StringComparison.Ordinal));
        var published = text.Split('\n').Single(l => l.StartsWith("directivehub_directives_published_total", StringComparison.Ordinal));
        Assert.True(double.Parse(published.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 1, published);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_returned_by_the_issuer_is_counted_by_outcome()
    {
        app.Require();
        var issuer = await app.OrganizationAsync("HN-QO");
        var awaiting = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.TaskAssignments.Where(t => t.Status == Assignments.ProgressStatus.AwaitingConfirmation && t.Directive!.IssuerId == issuer).Select(t => t.Id), Cancel));
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var reviewed = await clerk.PostAsJsonAsync($"/api/task-assignments/{awaiting}/review", new { decision = "Return", reason = "Thiếu số liệu từng chi bộ." }, Cancel);
        Assert.True(reviewed.IsSuccessStatusCode, await reviewed.Content.ReadAsStringAsync(Cancel));

        static bool IsReturned(string l) => l.StartsWith("directivehub_results_reviewed_total{", StringComparison.Ordinal) && l.Contains("outcome=\"returned\"", StringComparison.Ordinal);
        var returned = (await ScrapeUntilAsync(IsReturned)).Split('\n').Single(IsReturned);
        Assert.True(double.Parse(returned.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 1, returned);
    }

    [Fact]
    public async Task Readiness_turns_degraded_when_a_worker_misses_two_intervals_and_healthy_when_it_runs_again()
    {
        app.Require();
        var heartbeats = app.Factory.Services.GetRequiredService<WorkerHeartbeats>();
        var client = app.Factory.CreateClient();
        heartbeats.Beat("TestWorker", TimeSpan.FromMinutes(1));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative), Cancel));

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var degraded = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync(Cancel));

        heartbeats.Beat("TestWorker", TimeSpan.FromMinutes(1));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative), Cancel));
    }

    // The exporter serves one scrape for a few hundred milliseconds (its response cache): a scrape right after another
    // test's may not show a counter yet, so read again until the line is there or a few seconds have passed.
    private async Task<string> ScrapeUntilAsync(Func<string, bool> line)
    {
        var text = await ScrapeAsync();
        for (var attempt = 0; attempt < 50 && !text.Split('\n').Any(line); attempt++)
        {
            await Task.Delay(200, Cancel);
            text = await ScrapeAsync();
        }

        return text;
    }

    private async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsAppFixture.Token);
        var response = await app.Factory.CreateClient().SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
