using System.Net;
using DirectiveHub.Cli;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>
/// docs/operations.md's backup and restore, done for real: pg_dump of a live database, pg_restore into a new one
/// (and, for the local store, the attachments folder archived and unpacked with tar as the guide says), and an app on
/// the copy serves the same directive and file.
/// </summary>
public sealed class RestoreDrillTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Postgres")]
    [InlineData("Local")]
    public async Task A_dump_restored_into_a_new_database_serves_the_directives_and_their_files(string store)
    {
        TestEnvironment.RequirePostgres();
        PostgresTools.Bin();
        await using var source = await PostgresDatabase.CreateAsync();
        await using var target = await PostgresDatabase.CreateAsync();
        var folders = Directory.CreateTempSubdirectory("directivehub-restore.").FullName;
        var storage = new Dictionary<string, string?> { ["Storage:Provider"] = store, ["Attachments:Path"] = Path.Combine(folders, "live", "attachments") };
        var restoredStorage = new Dictionary<string, string?> { ["Storage:Provider"] = store, ["Attachments:Path"] = Path.Combine(folders, "restored", "attachments") };

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
            if (store == "Local")
            {
                // "Local store only": the attachments folder archived after the dump, unpacked on the new server.
                var archive = Path.Combine(folders, "appdata.tar.gz");
                Directory.CreateDirectory(Path.Combine(folders, "restored"));
                var (packed, packLog) = await PublishedApp.RunAsync("tar", ["-czf", archive, "-C", Path.Combine(folders, "live"), "attachments"], Cancel);
                Assert.True(packed == 0, packLog);
                var (unpacked, unpackLog) = await PublishedApp.RunAsync("tar", ["-xzf", archive, "-C", Path.Combine(folders, "restored")], Cancel);
                Assert.True(unpacked == 0, unpackLog);
                Directory.Delete(Path.Combine(folders, "live"), recursive: true);
            }
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

        await using var after = new DirectiveHubFactory(DatabaseProvider.Postgres, target.ConnectionString, restoredStorage);
        var restoredClient = after.CreateBrowserLikeClient();
        await restoredClient.SignInOrFailAsync(DemoAccounts.Clerk);
        var details = await restoredClient.GetDocumentAsync($"/Directives/Details/{id}");
        Assert.Contains("kế hoạch diễn tập khôi phục dữ liệu", details.Body!.TextContent, StringComparison.Ordinal);
        var file = await restoredClient.GetAsync(new Uri($"/Directives/Attachment/{attachmentId}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(ClerkSteps.Pdf, await file.Content.ReadAsByteArrayAsync(Cancel));
        Directory.Delete(folders, recursive: true);
    }
}
