using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Pages.Directives;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace DirectiveHub.Tests.Printing;

/// <summary>#14 item 12: paragraphs typed with line breaks, recipients named as running text, "Kính gửi:" on the first recipient's line, the signing space.</summary>
public sealed class PrintedParagraphsTests
{
    private static PrintedDirective WithBreaks() => DirectivePdfTests.Sample() with
    {
        Recipients = ["Đảng ủy xã Sài Sơn", "Ủy ban MTTQ huyện Quốc Oai"],
        Preamble = "Đoạn mở đầu thứ nhất.\nĐoạn mở đầu thứ hai.",
        Tasks = [("1.", "Ý thứ nhất của nhiệm vụ.\r\nÝ thứ hai của nhiệm vụ.", 0)],
        Closing = "Đề nghị các đơn vị thực hiện.\n\nThường xuyên báo cáo về Văn phòng Huyện ủy.",
    };

    [Theory]
    [InlineData("ĐẢNG ỦY XÃ SÀI SƠN", "Sài Sơn", "Đảng ủy xã Sài Sơn")]
    [InlineData("ỦY BAN MTTQ HUYỆN QUỐC OAI", "Quốc Oai", "Ủy ban MTTQ huyện Quốc Oai")]
    [InlineData("VĂN PHÒNG HUYỆN ỦY", "Quốc Oai", "Văn phòng Huyện ủy")]
    [InlineData("HĐND, UBND HUYỆN CON CUÔNG", "Con Cuông", "HĐND, UBND huyện Con Cuông")]
    [InlineData("Ban Dân vận Huyện ủy", "Hải Hậu", "Ban Dân vận Huyện ủy")]
    public void A_unit_from_the_tree_is_named_as_running_text_not_in_header_capitals(string name, string place, string expected) =>
        Assert.Equal(expected, RecipientName.Of(name, place));

    [Fact]
    public void Each_line_break_is_a_paragraph_of_its_own_with_the_task_label_on_the_first()
    {
        var paragraphs = WithBreaks().BodyParagraphs().Select(p => p.Text).ToList();
        Assert.Equal(
            ["Đoạn mở đầu thứ nhất.", "Đoạn mở đầu thứ hai.", "1. Ý thứ nhất của nhiệm vụ.", "Ý thứ hai của nhiệm vụ.", "Đề nghị các đơn vị thực hiện.", "Thường xuyên báo cáo về Văn phòng Huyện ủy."],
            paragraphs);
    }

    [Fact]
    public void The_DOCX_has_a_paragraph_per_break_Kinh_gui_on_the_first_recipients_line_and_the_print_views_signing_space()
    {
        using var stream = new MemoryStream(DirectiveDocx.Build(WithBreaks()));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();

        Assert.Empty(body.Descendants<Break>());
        foreach (var expected in new[] { "Đoạn mở đầu thứ nhất.", "Đoạn mở đầu thứ hai.", "1. Ý thứ nhất của nhiệm vụ.", "Ý thứ hai của nhiệm vụ.", "Đề nghị các đơn vị thực hiện.", "Thường xuyên báo cáo về Văn phòng Huyện ủy." })
        {
            Assert.Contains(expected, texts);
        }

        var first = paragraphs.Single(p => p.InnerText.StartsWith("Kính gửi:", StringComparison.Ordinal));
        Assert.Equal("Kính gửi:- Đảng ủy xã Sài Sơn,", first.InnerText);
        Assert.Single(first.Descendants<TabChar>());
        Assert.Equal(first.ParagraphProperties!.Indentation!.Left!.Value, paragraphs[paragraphs.IndexOf(first) + 1].ParagraphProperties!.Indentation!.Left!.Value);
        Assert.Equal("- Ủy ban MTTQ huyện Quốc Oai.", paragraphs[paragraphs.IndexOf(first) + 1].InnerText);
        Assert.DoesNotContain("Kính gửi:", texts.Where(t => t != first.InnerText));

        // The last paragraph is kept with "Nơi nhận" and the signature, whose row never splits.
        Assert.NotNull(paragraphs.Single(p => p.InnerText == "Thường xuyên báo cáo về Văn phòng Huyện ủy.").ParagraphProperties!.KeepNext);
        var footer = body.Elements<Table>().Last();
        Assert.NotNull(footer.Descendants<CantSplit>().SingleOrDefault());

        // 3.5 lines of 14 pt, as .signature-space in the print view: one exact line of 980 twips.
        var space = footer.Descendants<Paragraph>().Single(p => p.ParagraphProperties?.SpacingBetweenLines?.LineRule?.Value == LineSpacingRuleValues.Exact);
        Assert.Equal("980", space.ParagraphProperties!.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(980, DirectiveDocx.SignatureSpaceTwips);
        var css = File.ReadAllText(Path.Combine(PublishedApp.RepositoryRoot, "src", "DirectiveHub.Web", "wwwroot", "css", "document.css"));
        Assert.Contains($".sheet .signature-space {{ height: {PrintedDirective.SignatureSpaceEm.ToString(System.Globalization.CultureInfo.InvariantCulture)}em; }}", css, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DOCX_numbers_its_pages_from_page_2_at_the_top_centre()
    {
        using var stream = new MemoryStream(DirectiveDocx.Build(WithBreaks()));
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();

        // A distinct first page whose header is empty; every other page's header holds a centred PAGE field.
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var references = section.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => (HeaderPart)main.GetPartById(r.Id!.Value!));
        Assert.Equal(string.Empty, references[HeaderFooterValues.First].Header!.InnerText);
        Assert.Empty(references[HeaderFooterValues.First].Header!.Descendants<FieldCode>());
        var header = references[HeaderFooterValues.Default].Header!;
        Assert.Equal("PAGE", Assert.Single(header.Descendants<FieldCode>()).Text.Trim());
        Assert.Equal([FieldCharValues.Begin, FieldCharValues.Separate, FieldCharValues.End], header.Descendants<FieldChar>().Select(f => f.FieldCharType!.Value));
        Assert.Equal(JustificationValues.Center, header.Descendants<Paragraph>().Single().ParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains(header.Descendants<RunFonts>(), f => f.Ascii == "Times New Roman");

        // The file is valid against the schema Word checks (a misplaced section child makes Word refuse it).
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public async Task The_PDF_starts_a_line_for_each_paragraph_and_prints_Kinh_gui_beside_the_first_recipient()
    {
        var pdf = await DirectivePdfTests.Writer().RenderAsync(WithBreaks(), null, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), TestContext.Current.CancellationToken);
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();

        double Baseline(string word, int occurrence = 0) => words.Where(w => w.Text.Normalize() == word.Normalize()).ElementAt(occurrence).BoundingBox.Bottom;

        // "…thứ nhất." and "Đoạn … thứ hai." would share a line if the break were lost.
        Assert.NotEqual(Baseline("nhất."), Baseline("hai."));
        Assert.NotEqual(Baseline("thực", 0), Baseline("Thường"));
        Assert.Equal(Baseline("gửi:"), Baseline("Sài"), 1);
        var text = string.Join(' ', words.Select(w => w.Text)).Normalize();
        Assert.Contains("- Ủy ban MTTQ huyện Quốc Oai.", text, StringComparison.Ordinal);
    }
}
