using DirectiveHub.Cli;
using DirectiveHub.Storage;
using DirectiveHub.Tests.Infrastructure;
using Npgsql;

namespace DirectiveHub.Tests.Operations;

/// <summary>Both stores keep the same promises: what goes in comes out byte for byte, bounded, and deletable.</summary>
public sealed class FileStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_PostgreSQL_store_round_trips_a_file_over_several_chunks_and_refuses_one_over_the_limit()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync();
        Assert.Equal(0, await new CliApp(new StringWriter(), new StringWriter(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:DirectiveHub"] = database.ConnectionString,
        }).RunAsync(["migrate"], Cancel));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new PostgresFileStore(dataSource, new FileStorageOptions { ChunkBytes = 64 * 1024, MaxBytes = 300 * 1024 }, TimeProvider.System);

        await RoundTripAsync(store, async key =>
        {
            await using var command = dataSource.CreateCommand("""SELECT count(*) FROM "StoredFileChunks" WHERE "FileKey" = $1""");
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            Assert.Equal(4L, await command.ExecuteScalarAsync(Cancel));
        });
    }

    [Fact]
    public async Task The_local_store_round_trips_a_file_and_refuses_one_over_the_limit()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dh-store-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await RoundTripAsync(new LocalFileStore(new FileStorageOptions { LocalPath = folder, MaxBytes = 300 * 1024 }), _ => Task.CompletedTask);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RoundTripAsync(IFileStore store, Func<string, Task> inspect)
    {
        var bytes = new byte[200 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        var key = await store.PutAsync(new MemoryStream(bytes), Cancel);
        Assert.True(FileKey.IsValid(key));
        await inspect(key);

        await using (var content = await store.OpenAsync(key, Cancel))
        {
            var copy = new MemoryStream();
            await content!.CopyToAsync(copy, 5000, Cancel);
            Assert.Equal(bytes, copy.ToArray());
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PutAsync(new MemoryStream(new byte[301 * 1024]), Cancel));
        await store.DeleteAsync(key, Cancel);
        Assert.Null(await store.OpenAsync(key, Cancel));
        await store.DeleteAsync(key, Cancel);
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync("../../etc/passwd", Cancel));
    }
}
