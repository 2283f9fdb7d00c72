using System.IO.Compression;
using System.Text;
using DirectiveHub.Directives;
using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>Decompression bombs dressed as .docx, generated here: refused from the zip directory, never inflated.</summary>
public sealed class DocxBombTests
{
    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""";

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            fill(zip);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), Encoding.UTF8);
        writer.Write(content);
    }

    /// <summary>A document.xml holding 40 MB of spaces in one run: about 40 kB zipped, a thousand to one.</summary>
    private static byte[] RatioBomb() => Zip(zip =>
    {
        using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        entry.Write("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""u8);
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var i = 0; i < 40; i++)
        {
            entry.Write(spaces);
        }

        entry.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
    });

    [Fact]
    public void A_highly_compressed_document_part_is_refused_without_inflating_it()
    {
        var bomb = RatioBomb();
        using var stream = new MemoryStream(bomb);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = DocxText.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.True(bomb.Length < 1024 * 1024, $"the fixture is {bomb.Length} bytes");
        Assert.Null(result.Text);
        Assert.Contains("bom nén", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void An_archive_with_thousands_of_entries_is_refused_from_its_directory()
    {
        var bomb = Zip(zip =>
        {
            Add(zip, "word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>""");
            for (var i = 0; i < ZipLimits.MaxEntries + 10; i++)
            {
                zip.CreateEntry($"word/media/{i}.bin");
            }
        });

        var result = DocxText.Read(new MemoryStream(bomb));

        Assert.Null(result.Text);
        Assert.Contains("quá nhiều thành phần", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bomb_is_not_taken_for_an_office_document_either()
    {
        Assert.Null(FileTypes.Detect(new MemoryStream(RatioBomb())));
    }

    [Fact]
    public void A_small_real_document_still_reads_with_its_bold_runs_and_tabs()
    {
        var docx = Zip(zip => Add(zip, "word/document.xml", """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>HUYỆN ỦY QUỐC OAI</w:t></w:r></w:p>
            <w:p><w:r><w:t>Số 114-CV/HU</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Quốc Oai, ngày 30 tháng 10 năm 2021</w:t></w:r></w:p>
            <w:p><w:hyperlink><w:r><w:t>liên kết</w:t></w:r></w:hyperlink><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>thường</w:t></w:r></w:p>
            </w:body></w:document>
            """));

        var result = DocxText.Read(new MemoryStream(docx));

        Assert.Null(result.Error);
        Assert.Equal("**HUYỆN ỦY QUỐC OAI**\nSố 114-CV/HU Quốc Oai, ngày 30 tháng 10 năm 2021\nliên kếtthường\n", result.Text);
    }
}
