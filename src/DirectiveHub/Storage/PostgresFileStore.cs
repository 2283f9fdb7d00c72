using Npgsql;
using NpgsqlTypes;

namespace DirectiveHub.Storage;

/// <summary>
/// Files in the app's PostgreSQL database, for several instances behind one load balancer: a file put through one
/// instance opens through any other, and the database backup holds the files with the rows that name them.
/// Content goes in and out in chunks of <c>Storage:ChunkBytes</c> (1 MB), one row each, on a connection of its own so
/// a caller's pending changes never ride along.
/// </summary>
public sealed class PostgresFileStore(NpgsqlDataSource dataSource, FileStorageOptions options, TimeProvider clock) : IFileStore
{
    public long MaxBytes => options.MaxBytes;

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = FileKey.New();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var file = new NpgsqlCommand("""INSERT INTO "StoredFiles" ("Key", "Length", "CreatedAt") VALUES ($1, 0, $2)""", connection, transaction))
        {
            file.Parameters.Add(new NpgsqlParameter { Value = key });
            file.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await file.ExecuteNonQueryAsync(cancellationToken);
        }

        var buffer = new byte[options.ChunkBytes];
        long total = 0;
        var index = 0;
        await using var chunk = new NpgsqlCommand("""INSERT INTO "StoredFileChunks" ("FileKey", "Index", "Data") VALUES ($1, $2, $3)""", connection, transaction);
        var keyParameter = new NpgsqlParameter { Value = key };
        var indexParameter = new NpgsqlParameter<int>();
        var dataParameter = new NpgsqlParameter<ArraySegment<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea };
        chunk.Parameters.Add(keyParameter);
        chunk.Parameters.Add(indexParameter);
        chunk.Parameters.Add(dataParameter);
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            total += read;
            if (total > options.MaxBytes)
            {
                throw new InvalidOperationException($"The file is larger than {options.MaxBytes} bytes.");
            }

            indexParameter.TypedValue = index++;
            dataParameter.TypedValue = new ArraySegment<byte>(buffer, 0, read);
            await chunk.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var length = new NpgsqlCommand("""UPDATE "StoredFiles" SET "Length" = $2 WHERE "Key" = $1""", connection, transaction))
        {
            length.Parameters.Add(new NpgsqlParameter { Value = key });
            length.Parameters.Add(new NpgsqlParameter { Value = total });
            await length.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return key;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        FileKey.Require(key);
        await using var command = dataSource.CreateCommand("""SELECT "Length", (SELECT count(*) FROM "StoredFileChunks" c WHERE c."FileKey" = f."Key")::int FROM "StoredFiles" f WHERE "Key" = $1""");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PostgresFileStream(dataSource, key, reader.GetInt64(0), reader.GetInt32(1));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        FileKey.Require(key);

        // The chunks go with their file (ON DELETE CASCADE).
        await using var command = dataSource.CreateCommand("""DELETE FROM "StoredFiles" WHERE "Key" = $1""");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
