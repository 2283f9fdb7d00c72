using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>Texts of our own that vary the layout as real directives do (DOMAIN.md): each checks what that layout tests.</summary>
public sealed class LayoutVariantTests
{
    [Fact]
    public void A_directive_with_a_type_title_nested_items_and_deadlines_without_a_year()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("chi-thi-06-CT-TU"));

        Assert.Equal(("06-CT/TU", 6, "CT", "TU"), (d.Number, d.Sequence, d.DocumentType, d.IssuerCode));
        Assert.Null(d.ParentBody);
        Assert.Equal("THÀNH ỦY HÀ NỘI", d.Issuer);
        Assert.Equal(("Hà Nội", new DateOnly(2021, 9, 1)), (d.Place, d.IssuedOn));
        Assert.Equal("về tăng cường lãnh đạo công tác phòng, chống dịch Covid-19 trong tình hình mới", d.Subject);
        Assert.Empty(d.Recipients);
        Assert.Equal(["1", "2", "3"], d.Tasks.Select(t => t.Label));
        Assert.Equal(["1", "2"], d.Tasks[0].Subtasks.Select(t => t.Label));
        Assert.Equal(new DateOnly(2021, 9, 15), d.Tasks[0].Subtasks[0].Deadline);
        Assert.Equal(new DateOnly(2021, 9, 20), d.Tasks[0].Subtasks[1].Deadline);
        Assert.Equal(new DateOnly(2021, 9, 30), d.Tasks[1].Deadline);
        Assert.Null(d.Tasks[2].Deadline);
        Assert.Equal("Chỉ thị này được phổ biến đến chi bộ.", d.Closing);
        Assert.DoesNotContain("phổ biến", d.Tasks[2].Text, StringComparison.Ordinal);
        Assert.Equal([new ParsedReference("KL", "07-KL/TW", new DateOnly(2021, 6, 11))], d.References);
        Assert.Equal(new ParsedSigner("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Đinh Tiến Dũng"), d.Signer);
        Assert.Equal("Ban Bí thư Trung ương Đảng (để b/c)", d.Distribution[0]);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Header_columns_merged_into_single_lines_by_a_PDF_copy_are_told_apart()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("thong-bao-merged-columns"));

        Assert.Equal("163-TB/BCĐ", d.Number);
        Assert.Equal("TB", d.DocumentType);
        Assert.Equal("HUYỆN ỦY QUỐC OAI", d.ParentBody);
        Assert.Equal("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH", d.Issuer);
        Assert.Equal(("Quốc Oai", new DateOnly(2021, 10, 30)), (d.Place, d.IssuedOn));
        Assert.Equal(new ParsedSigner("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Nguyễn Văn Hùng"), d.Signer);
        Assert.Equal(new DateOnly(2021, 11, 5), d.Tasks[0].Deadline);
    }

    [Fact]
    public void Bold_markers_a_bulleted_recipient_list_an_urgency_stamp_and_state_citations()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("cong-van-thuong-khan-state-refs"));

        Assert.Equal("ThuongKhan", d.Urgency);
        Assert.Equal(("ĐẢNG BỘ TỈNH NAM ĐỊNH", "HUYỆN ỦY HẢI HẬU"), (d.ParentBody, d.Issuer));
        Assert.Equal("một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch Covid-19", d.Subject);
        Assert.Equal(["Các đảng ủy xã, thị trấn", "Ủy ban nhân dân huyện", "Mặt trận Tổ quốc và các đoàn thể huyện"], d.Recipients);
        Assert.Equal(
            [new ParsedReference("CĐ", "1102/CĐ-TTg", new DateOnly(2021, 8, 12)), new ParsedReference("CV", "5522/BYT-MT", null), new ParsedReference("NĐ", "30/2020/NĐ-CP", null)],
            d.References);
        Assert.Equal(new ParsedSigner("K/T", "BÍ THƯ", "PHÓ BÍ THƯ", "Trần Văn Quý"), d.Signer);
        Assert.Equal(new DateOnly(2021, 8, 15), d.Tasks[0].Deadline);
    }

    [Fact]
    public void Roman_sections_hold_numbered_tasks_and_the_signature_may_come_before_the_distribution()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("ke-hoach-roman-sections"));

        Assert.Equal(("45-KH/HU", "KH", new DateOnly(2022, 2, 5)), (d.Number, d.DocumentType, d.IssuedOn));
        Assert.Equal(["I", "II"], d.Tasks.Select(t => t.Label));
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", d.Tasks[0].Text);
        Assert.Equal(new DateOnly(2022, 3, 31), d.Tasks[1].Subtasks[0].Deadline);
        Assert.Equal(new ParsedSigner("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn Giáp"), d.Signer);
        Assert.Equal(["Ban Thường vụ Tỉnh ủy (để b/c)", "Các tổ chức cơ sở đảng", "Lưu VPHU"], d.Distribution);
        Assert.Equal([new ParsedReference("NQ", "05-NQ/TU", new DateOnly(2022, 1, 20))], d.References);
    }

    [Fact]
    public void An_authenticated_copy_becomes_an_attachment_and_a_reference_not_more_tasks()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("ha-dong-sao-luc"));

        Assert.Equal(("667-CV/QU", 667), (d.Number, d.Sequence));
        Assert.Equal(["1", "2"], d.Tasks.Select(t => t.Label));
        Assert.Equal(new DateOnly(2021, 9, 25), d.Tasks[1].Deadline);
        Assert.Equal(new ParsedSigner("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Thị Lan Hương"), d.Signer);
        Assert.Equal(["Như kính gửi", "Lưu VPQU"], d.Distribution);
        var copy = Assert.Single(d.Attachments);
        Assert.Equal(("SaoLuc", "26-BS/QU"), (copy.Kind, copy.Number));
        Assert.Equal("Chỉ thị số 06-CT/TU về tăng cường lãnh đạo công tác phòng, chống dịch Covid-19 trong tình hình mới", copy.Title);
        Assert.Equal([new ParsedReference("CT", "06-CT/TU", new DateOnly(2021, 9, 1))], d.References);
    }

    [Fact]
    public void Lines_broken_inside_phrases_and_stray_blank_lines_are_joined_back()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("cong-van-pdf-breaks"));

        Assert.Equal(("05-CV/ĐU", 5, "ĐU"), (d.Number, d.Sequence, d.IssuerCode));
        Assert.Equal(("ĐẢNG BỘ HUYỆN QUỐC OAI", "ĐẢNG ỦY XÃ SÀI SƠN"), (d.ParentBody, d.Issuer));
        Assert.Equal("tổ chức các hoạt động kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam", d.Subject);
        Assert.Equal(new DateOnly(2025, 1, 15), d.IssuedOn);
        Assert.Equal("Thực hiện Kế hoạch số 120-KH/HU của Huyện ủy Quốc Oai về tổ chức các hoạt động kỷ niệm, Ban Thường vụ Đảng ủy xã đề nghị các chi bộ thực hiện tốt các nội dung sau:", d.Preamble);
        Assert.Equal(2, d.Tasks.Count);
        Assert.Contains("hệ thống loa truyền thanh của các thôn; hoàn thành trước ngày 03/02/2025.", d.Tasks[0].Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 3), d.Tasks[0].Deadline);
        Assert.Equal(new DateOnly(2025, 2, 10), d.Tasks[1].Deadline);
        Assert.Equal(new ParsedSigner("T/L", "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Đỗ Thị Mai"), d.Signer);
    }

    [Fact]
    public void The_header_may_start_with_the_national_heading_and_carry_hoa_toc_hen_gio_and_a_secrecy_mark()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("header-other-order-hoa-toc"));

        Assert.Equal(("12-CV/ĐU", "ĐẢNG ỦY XÃ BA VÌ", "Ba Vì"), (d.Number, d.Issuer, d.Place));
        Assert.Equal(("HoaToc", "ToiMat"), (d.Urgency, d.Confidentiality));
        Assert.Equal("chủ động ứng phó mưa lũ", d.Subject);
        Assert.Equal(["Các chi bộ trực thuộc", "Ủy ban nhân dân xã"], d.Recipients);
        Assert.Equal(["-", "-"], d.Tasks[0].Subtasks.Select(s => s.Label));
        Assert.Equal("Lập danh sách hộ cần di dời.", d.Tasks[0].Subtasks[0].Text);
        Assert.Equal(new ParsedSigner("T/M", "ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Quang Minh"), d.Signer);
    }

    [Fact]
    public void Spacing_variants_in_the_number_a_khan_stamp_and_a_letter_without_numbered_tasks()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("khan-spacing-bcd"));

        Assert.Equal(("09-CV/QU", 9), (d.Number, d.Sequence));
        Assert.Equal("Khan", d.Urgency);
        Assert.Empty(d.Tasks);
        Assert.StartsWith("Ban Thường vụ Quận ủy đề nghị", d.Preamble, StringComparison.Ordinal);
        Assert.Equal([new ParsedReference("CT", "06-CT/TU", new DateOnly(2021, 9, 1))], d.References);
    }

    [Fact]
    public void Distribution_and_signature_columns_copied_row_by_row_are_separated()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("thong-bao-interleaved-columns"));

        Assert.Equal(("05-TB/ĐU", "TB", "ĐẢNG ỦY XÃ NGỌC LIỆP"), (d.Number, d.DocumentType, d.Issuer));
        Assert.Equal(["Thường trực Huyện ủy (để b/c)", "Các chi bộ trực thuộc", "Lưu VP"], d.Distribution);
        Assert.Equal(new ParsedSigner("T/M", "ĐẢNG ỦY", "PHÓ BÍ THƯ", "Nguyễn Văn An"), d.Signer);
        Assert.Equal(new DateOnly(2026, 3, 20), d.Tasks[0].Deadline);
        Assert.Equal(new DateOnly(2026, 4, 30), d.Tasks[1].Deadline);
        Assert.Equal([new ParsedReference("KH", "12-KH/ĐU", new DateOnly(2026, 3, 2))], d.References);
    }

    [Fact]
    public void A_state_style_signature_a_deadline_in_words_and_a_closing_request()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("cong-van-state-signature-words-deadline"));

        Assert.Equal(("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ Y TẾ", "Vinh"), (d.ParentBody, d.Issuer, d.Place));
        Assert.Equal("triển khai tiêm chủng mở rộng", d.Subject);
        Assert.Equal(new DateOnly(2021, 9, 15), d.Tasks[0].Deadline);
        Assert.Equal("Đề nghị các chi bộ quan tâm, phối hợp thực hiện.", d.Closing);
        Assert.Equal(new ParsedSigner("TM.", "ĐẢNG ỦY", "BÍ THƯ", "Hoàng Thị Thu"), d.Signer);
        Assert.Equal([new ParsedReference("CV", "2047/BYT-DP", new DateOnly(2021, 7, 20))], d.References);
    }

    [Fact]
    public void Text_that_is_not_a_directive_gets_a_clear_message_and_no_invented_fields()
    {
        var d = DirectiveTextParser.Parse(ImportTexts.Read("not-a-directive"));

        Assert.Equal(DirectiveTextParser.NotADirective, d.Warnings[0]);
        Assert.Null(d.Number);
        Assert.Null(d.IssuedOn);
        Assert.Null(d.Issuer);
        Assert.Empty(d.Tasks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \t ")]
    public void Empty_text_gets_a_clear_message(string text) =>
        Assert.Equal([DirectiveTextParser.EmptyText], DirectiveTextParser.Parse(text).Warnings);

    [Theory]
    [InlineData("Số 114-CV/HU", "114-CV/HU")]
    [InlineData("Số: 114-CV/HU", "114-CV/HU")]
    [InlineData("Số 667 - CV/QU", "667-CV/QU")]
    [InlineData("Số 114 -CV/HU", "114-CV/HU")]
    [InlineData("Số 05-NQ/ĐU", "05-NQ/ĐU")]
    public void Number_spacing_variants_read_the_same(string line, string expected) =>
        Assert.Equal(expected, DirectiveTextParser.Parse($"HUYỆN ỦY QUỐC OAI\n*\n{line}\nQuốc Oai, ngày 30 tháng 10 năm 2021").Number);

    [Theory]
    [InlineData("HỎA-TỐC", "HoaToc")]
    [InlineData("HỎA TỐC", "HoaToc")]
    [InlineData("THƯỢNG KHẨN", "ThuongKhan")]
    [InlineData("KHẨN", "Khan")]
    public void Urgency_stamps_are_recognized(string stamp, string expected) =>
        Assert.Equal(expected, DirectiveTextParser.Parse($"HUYỆN ỦY QUỐC OAI\n*\nSố 114-CV/HU\n{stamp}\nQuốc Oai, ngày 30 tháng 10 năm 2021").Urgency);

    [Fact]
    public void Nơi_nhận_and_the_signature_side_by_side_in_spaces_are_read_as_two_columns()
    {
        var d = DirectiveTextParser.Parse("""
            ĐẢNG BỘ TỈNH NINH BÌNH                      ĐẢNG CỘNG SẢN VIỆT NAM
            ĐẢNG ỦY XÃ GIA VÂN
                     *                          Gia Vân, ngày 03 tháng 11 năm 2025
            Số 41-TB/ĐU

            THÔNG BÁO
            kết luận của Ban Thường vụ Đảng ủy xã

            Ban Thường vụ Đảng ủy xã kết luận như sau:

            1. Văn phòng Đảng ủy tổng hợp ý kiến, hoàn thành trước ngày 20/11/2025.

            Nơi nhận:                                  T/L BAN THƯỜNG VỤ
            - Ban Thường vụ Tỉnh ủy (để b/c),          CHÁNH VĂN PHÒNG
            - Các chi bộ trực thuộc,
            - Lưu VP.                                  Lê Văn Hòa
            """);

        Assert.Equal(("41-TB/ĐU", "ĐẢNG ỦY XÃ GIA VÂN", "ĐẢNG BỘ TỈNH NINH BÌNH"), (d.Number, d.Issuer, d.ParentBody));
        Assert.Equal(("Gia Vân", new DateOnly(2025, 11, 3)), (d.Place, d.IssuedOn));
        Assert.Equal(["Ban Thường vụ Tỉnh ủy (để b/c)", "Các chi bộ trực thuộc", "Lưu VP"], d.Distribution);
        Assert.Equal(new ParsedSigner("T/L", "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Lê Văn Hòa"), d.Signer);
        Assert.Equal(new DateOnly(2025, 11, 20), Assert.Single(d.Tasks).Deadline);
    }

    [Fact]
    public void A_long_công_văn_subject_without_V_v_under_the_number_and_before_the_date_is_the_subject()
    {
        var d = DirectiveTextParser.Parse("""
            TỈNH ỦY THANH HÓA
            BAN DÂN VẬN
            *
            Số 88-CV/BDVTU
            tổ chức các hoạt động hưởng ứng Ngày hội Đại đoàn kết toàn dân tộc năm 2024 ở khu dân cư
            ĐẢNG CỘNG SẢN VIỆT NAM
            Thanh Hóa, ngày 02 tháng 10 năm 2024

            Kính gửi:

            - Ban dân vận các huyện ủy, thị ủy, thành ủy,
            - Ban dân vận các đảng ủy trực thuộc Tỉnh ủy.

            Ban Dân vận Tỉnh ủy đề nghị các đồng chí chỉ đạo tổ chức tốt Ngày hội ở khu dân cư.

            Nơi nhận:
            - Như kính gửi,
            - Lưu BDV.

            TRƯỞNG BAN

            Phạm Thị Thanh
            """);

        Assert.Equal("tổ chức các hoạt động hưởng ứng Ngày hội Đại đoàn kết toàn dân tộc năm 2024 ở khu dân cư", d.Subject);
        Assert.Equal(("Thanh Hóa", new DateOnly(2024, 10, 2)), (d.Place, d.IssuedOn));
        Assert.Equal(["Ban dân vận các huyện ủy, thị ủy, thành ủy", "Ban dân vận các đảng ủy trực thuộc Tỉnh ủy"], d.Recipients);
    }
}
