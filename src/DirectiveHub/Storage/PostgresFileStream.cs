using Npgsql;

namespace DirectiveHub.Storage;

/// <summary>Reads a stored file chunk by chunk, one short query each, so a download holds one chunk in memory at a time.</summary>
internal sealed class PostgresFileStream(NpgsqlDataSource dataSource, string key, long length, int chunks) : Stream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _next;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _chunk.Length)
        {
            if (_next >= chunks)
            {
                return 0;
            }

            using var command = Command();
            _chunk = (byte[])command.ExecuteScalar()!;
            _offset = 0;
            _next++;
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _chunk.Length)
        {
            if (_next >= chunks)
            {
                return 0;
            }

            await using var command = Command();
            _chunk = (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
            _offset = 0;
            _next++;
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private NpgsqlCommand Command()
    {
        var command = dataSource.CreateCommand("""SELECT "Data" FROM "StoredFileChunks" WHERE "FileKey" = $1 AND "Index" = $2""");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = _next });
        return command;
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }
}
