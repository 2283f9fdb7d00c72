using System.Text.RegularExpressions;
using DirectiveHub.Directives;
using DirectiveHub.Printing;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace DirectiveHub.Tests.Printing;

public sealed class DirectivePdfTests
{
    private static readonly DateTime SignedAt = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The Quốc Oai sample (114-CV/HU), long enough to run onto a second page.</summary>
    public static PrintedDirective Sample(int repeatTasks = 1)
    {
        var tasks = new List<(string, string, int)>();
        for (var i = 0; i < repeatTasks; i++)
        {
            tasks.Add(($"{(2 * i) + 1}.", "Tăng cường, đẩy mạnh công tác tuyên truyền, vận động các cán bộ, đảng viên, nhân dân chấp hành, thực hiện nghiêm các quy định trong phòng chống dịch bệnh Covid-19 của Trung ương, Thành phố và Huyện (hoàn thành trước ngày 04/11/2021)", 0));
            tasks.Add(("-", "Ủy ban MTTQ và các tổ chức chính trị - xã hội của huyện tổ chức tuyên truyền, vận động, kêu gọi cán bộ, đoàn viên, hội viên hỗ trợ, ủng hộ để tăng cường các nguồn lực cần thiết.", 1));
            tasks.Add(($"{(2 * i) + 2}.", "Phối hợp với cấp ủy, chính quyền địa phương nơi có dịch đảm bảo công tác an sinh xã hội, đời sống nhân dân trong các khu cách ly, phong tỏa.", 0));
        }

        return new PrintedDirective(
            "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
            "HUYỆN ỦY QUỐC OAI",
            "Số 114-CV/HU",
            "Quốc Oai, ngày 30 tháng 10 năm 2021",
            null,
            "V/v tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới",
            "HỎA TỐC",
            null,
            ["UBMTTQ, tổ chức chính trị - xã hội huyện", "Đảng ủy, UBND các xã, thị trấn"],
            "Trước tình hình dịch Covid-19 trên địa bàn huyện diễn biến phức tạp, khó lường, Ban Thường vụ Huyện ủy yêu cầu Ủy ban MTTQ, các tổ chức chính trị - xã hội huyện, cơ quan, đơn vị thực hiện một số nội dung sau:",
            tasks,
            "Yêu cầu các Ủy ban MTTQ, các tổ chức chính trị - xã hội, cơ quan, đơn vị tổ chức triển khai thực hiện.",
            ["- Ban Thường vụ Huyện ủy (để b/c),", "- HĐND, UBND huyện,", "- Như kính gửi,", "- Lưu VPHU."],
            "T/M BAN THƯỜNG VỤ",
            "PHÓ BÍ THƯ THƯỜNG TRỰC",
            "Đàm Công Lợi",
            false);
    }

    public static RecordCopyWriter Writer() => new(null!, new PdfOptions(null, null), NullLogger<RecordCopyWriter>.Instance);

    [Fact]
    public async Task A_directive_without_a_distribution_list_prints_no_empty_Noi_nhan_heading()
    {
        // 213-CV/HU as the sample has it: the copy received was cut short before "Nơi nhận".
        var pdf = await Writer().RenderAsync(Sample() with { Distribution = [] }, null, SignedAt, TestContext.Current.CancellationToken);
        var text = Normalize(await PopplerTools.TextAsync(pdf));
        Assert.DoesNotContain("Nơi nhận", text, StringComparison.Ordinal);
        Assert.Contains("Đàm Công Lợi", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PDF_text_read_back_has_every_block_in_order_with_its_Vietnamese_marks()
    {
        var pdf = await Writer().RenderAsync(Sample(), null, SignedAt, TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("DH_PDF_OUT") is { Length: > 0 } o) { await File.WriteAllBytesAsync(o, pdf, TestContext.Current.CancellationToken); }

        var text = Normalize(await PopplerTools.TextAsync(pdf));
        string[] blocks =
        [
            "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "HUYỆN ỦY QUỐC OAI", "Số 114-CV/HU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Quốc Oai, ngày 30 tháng 10 năm 2021",
            "V/v tăng cường công tác phòng, chống dịch Covid-19", "HỎA TỐC", "Kính gửi:", "- UBMTTQ, tổ chức chính trị - xã hội huyện,",
            "Trước tình hình dịch Covid-19", "1. Tăng cường, đẩy mạnh công tác tuyên truyền", "(hoàn thành trước ngày 04/11/2021)",
            "- Ủy ban MTTQ và các tổ chức", "2. Phối hợp với cấp ủy", "Yêu cầu các Ủy ban MTTQ", "Nơi nhận:", "- Lưu VPHU.",
            "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Đàm Công Lợi",
        ];
        AssertInOrder(text, blocks);

        // PdfPig, a second reader: the fonts are embedded and the text is Unicode.
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        Assert.All(page.Letters, l => Assert.Contains("Liberation Serif", l.FontName, StringComparison.Ordinal));
        Assert.Contains("HUYỆN ỦY QUỐC OAI", Normalize(string.Join(" ", page.GetWords().Select(w => w.Text))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_directive_numbers_its_pages_from_the_second_and_keeps_the_distribution_with_the_signature()
    {
        var pdf = await Writer().RenderAsync(Sample(repeatTasks: 9), null, SignedAt, TestContext.Current.CancellationToken);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} pages");
        var first = Normalize(document.GetPage(1).Text);
        Assert.DoesNotMatch(@"^\s*1\s", first);
        for (var n = 2; n <= document.NumberOfPages; n++)
        {
            var top = document.GetPage(n).GetWords().OrderByDescending(w => w.BoundingBox.Top).First();
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), top.Text);
        }

        var pages = Enumerable.Range(1, document.NumberOfPages).Select(n => Normalize(string.Join(" ", document.GetPage(n).GetWords().Select(w => w.Text)))).ToList();
        var distribution = pages.FindIndex(p => p.Contains("Nơi nhận:", StringComparison.Ordinal));
        var signer = pages.FindIndex(p => p.Contains("Đàm Công Lợi", StringComparison.Ordinal));
        Assert.Equal(distribution, signer);
        Assert.Contains("T/M BAN THƯỜNG VỤ", pages[signer], StringComparison.Ordinal);
    }

    internal static string Normalize(string text) => Regex.Replace(text.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ");

    internal static void AssertInOrder(string text, IEnumerable<string> blocks)
    {
        var at = 0;
        foreach (var block in blocks)
        {
            var found = text.IndexOf(block, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{block}\" is missing after position {at} in:\n{text}");
            at = found + block.Length;
        }
    }
}
