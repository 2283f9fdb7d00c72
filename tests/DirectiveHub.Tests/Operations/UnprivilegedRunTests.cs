using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>
/// The container's conditions without Docker: the published app as uid 1654 on an empty PostgreSQL and an empty data
/// folder. The same smoke script runs against `docker compose up` in the workflow's container job.
/// </summary>
public sealed class UnprivilegedRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_app_as_the_app_user_on_empty_storage_uploads_a_file_and_sends_mail()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Demo__Seed"] = "true",
            ["Mail__Interval"] = "00:00:01",
        }, Cancel);

        if (PublishedApp.IsRoot)
        {
            Assert.Equal(PublishedApp.AppUid, app.EffectiveUid());
        }

        // Sign in, draft, upload and download: the steps of the container job.
        var (exitCode, output) = await PublishedApp.RunAsync("python3", ["scripts/smoke.py", app.BaseAddress.ToString(), "--timeout", "30"], Cancel);
        Assert.True(exitCode == 0, output + "\n--- app ---\n" + app.Output);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(app.DataPath, "attachments"), "*", SearchOption.AllDirectories));

        // The demo's 2021 deadlines are long past: the start-up sweep queues notices and the outbox writes them out.
        var pickup = Path.Combine(app.DataPath, "mail-pickup");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.EnumerateFiles(pickup, "*.eml").Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Cancel);
        }

        var mails = Directory.EnumerateFiles(pickup, "*.eml").ToList();
        Assert.True(mails.Count > 0, "no mail was written:\n" + app.Output);

        // Every kind of notice mail (overdue, reminder, the weekly digest) links back to this instance.
        foreach (var mail in mails)
        {
            Assert.Contains(app.BaseAddress.ToString().TrimEnd('/') + "/", await File.ReadAllTextAsync(mail, Cancel), StringComparison.Ordinal);
        }

        // Prometheus scrapes from this machine; the same request through a proxy (X-Forwarded-For) is refused.
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Cancel);
        Assert.Contains("directivehub_sweep_flagged_total", metrics, StringComparison.Ordinal);
        Assert.Contains("directivehub_outbox_sent_total", metrics, StringComparison.Ordinal);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.SendAsync(proxied, Cancel)).StatusCode);

        // A first start on an empty database is clean: no error lines an operator would have to explain.
        Assert.DoesNotContain(" ERR] ", app.Output, StringComparison.Ordinal);
    }
}
