using System.Buffers.Binary;
using System.IO.Compression;

namespace DirectiveHub.Import;

/// <summary>
/// Bounds for zip-based formats (.docx) checked before any entry is inflated, so a decompression bomb is refused
/// from its directory alone: the number of entries, the declared uncompressed total, and each entry's ratio.
/// Declared sizes can lie, so readers also go through <see cref="BoundedStream"/>.
/// </summary>
public static class ZipLimits
{
    public const int MaxEntries = 1000;

    public const long MaxUncompressedBytes = 64L * 1024 * 1024;

    /// <summary>Word's XML compresses about 10:1; a thousand to one is a bomb, not a document.</summary>
    public const int MaxRatio = 200;

    public static readonly string TooManyEntries = FormattableString.Invariant($"Tệp nén có quá nhiều thành phần (quá {MaxEntries}); không đọc tệp này.");
    public static readonly string TooLarge = FormattableString.Invariant($"Tệp khi giải nén quá lớn (quá {MaxUncompressedBytes / 1024 / 1024} MB); không đọc tệp này.");
    public static readonly string TooCompressed = FormattableString.Invariant($"Tệp có thành phần nén bất thường (tỉ lệ nén quá {MaxRatio}:1, dấu hiệu \"bom nén\"); không đọc tệp này.");

    /// <returns>null when the archive is within bounds, else the Vietnamese reason it is refused.</returns>
    public static string? Check(Stream zip)
    {
        // The end-of-central-directory record gives the entry count before ZipArchive allocates one object per entry.
        var declared = DeclaredEntryCount(zip);
        if (declared > MaxEntries)
        {
            return TooManyEntries;
        }

        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxEntries)
            {
                return TooManyEntries;
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    return TooLarge;
                }

                if (entry.Length > 1024 * 1024 && entry.Length > (long)Math.Max(entry.CompressedLength, 1) * MaxRatio)
                {
                    return TooCompressed;
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "Tệp nén bị hỏng; không đọc được.";
        }
        finally
        {
            zip.Position = 0;
        }
    }

    private static long DeclaredEntryCount(Stream zip)
    {
        if (!zip.CanSeek || zip.Length < 22)
        {
            return 0;
        }

        var tail = (int)Math.Min(zip.Length, 22 + 65535);
        var buffer = new byte[tail];
        zip.Position = zip.Length - tail;
        zip.ReadExactly(buffer);
        zip.Position = 0;
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == 0x06054b50)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                // 0xFFFF means ZIP64: a .docx never needs it, so treat it as too many.
                return count == 0xFFFF ? long.MaxValue : count;
            }
        }

        return 0;
    }
}
