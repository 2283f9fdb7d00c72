using System.Net;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>
/// docs/operations.md's backup and restore, done for real: pg_dump of a live database (files in the PostgreSQL
/// store), pg_restore into a new database, and an app on the copy serves the same directive and file.
/// </summary>
public sealed class RestoreDrillTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dump_restored_into_a_new_database_serves_the_directives_and_their_files()
    {
        TestEnvironment.RequirePostgres();
        PostgresTools.Bin();
        await using var source = await PostgresDatabase.CreateAsync();
        await using var target = await PostgresDatabase.CreateAsync();
        var storage = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" };

        Guid id;
        Guid attachmentId;
        await using (var before = new DirectiveHubFactory(DatabaseProvider.Postgres, source.ConnectionString, storage))
        {
            var client = before.CreateBrowserLikeClient();
            await client.SignInOrFailAsync(DemoAccounts.Clerk);
            id = await ClerkSteps.DraftAsync(client, "kế hoạch diễn tập khôi phục dữ liệu");
            Assert.Equal(HttpStatusCode.Redirect, (await ClerkSteps.UploadAsync(client, client, id, ClerkSteps.Pdf)).StatusCode);
            await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, source.ConnectionString);
            attachmentId = db.Directives.Where(d => d.Id == id).SelectMany(d => d.Attachments).Select(a => a.Id).Single();
        }

        // The commands of docs/operations.md, "Back up" and "Restore".
        var dump = Path.Combine(Path.GetTempPath(), $"directivehub-{Guid.NewGuid():N}.dump");
        try
        {
            var (dumped, dumpLog) = await PostgresTools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", dump, "--dbname", PostgresTools.DatabaseName(source.ConnectionString)]);
            Assert.True(dumped == 0, dumpLog);
            var (restored, restoreLog) = await PostgresTools.RunAsync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", PostgresTools.DatabaseName(target.ConnectionString), dump]);
            Assert.True(restored == 0, restoreLog);
        }
        finally
        {
            File.Delete(dump);
        }

        // The upgrade step runs on a restored copy too: nothing is pending.
        var output = new StringWriter();
        Assert.Equal(0, await new CliApp(output, new StringWriter(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:DirectiveHub"] = target.ConnectionString,
        }).RunAsync(["migrate"], Cancel));

        await using var after = new DirectiveHubFactory(DatabaseProvider.Postgres, target.ConnectionString, storage);
        var restoredClient = after.CreateBrowserLikeClient();
        await restoredClient.SignInOrFailAsync(DemoAccounts.Clerk);
        var details = await restoredClient.GetDocumentAsync($"/Directives/Details/{id}");
        Assert.Contains("kế hoạch diễn tập khôi phục dữ liệu", details.Body!.TextContent, StringComparison.Ordinal);
        var file = await restoredClient.GetAsync(new Uri($"/Directives/Attachment/{attachmentId}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(ClerkSteps.Pdf, await file.Content.ReadAsByteArrayAsync(Cancel));
    }
}
