using DirectiveHub.Directives;
using DirectiveHub.Text;
using DirectiveHub.Time;

namespace DirectiveHub.Tests.Domain;

public sealed class DocumentFormatTests
{
    [Theory]
    [InlineData(114, "CV", "HU", "114-CV/HU")]
    [InlineData(22, "CV", "BDVHU", "22-CV/BDVHU")]
    [InlineData(5, "NQ", "ĐU", "05-NQ/ĐU")]
    [InlineData(6, "CT", "TU", "06-CT/TU")]
    public void A_number_and_symbol_prints_with_a_leading_zero_below_ten(int sequence, string type, string issuer, string expected) =>
        Assert.Equal(expected, DocumentSymbol.Create(sequence, type, issuer).ToString());

    [Theory]
    [InlineData(2021, 10, 30, "Quốc Oai, ngày 30 tháng 10 năm 2021")]
    [InlineData(2021, 9, 2, "Quốc Oai, ngày 02 tháng 9 năm 2021")]
    [InlineData(2022, 2, 5, "Quốc Oai, ngày 05 tháng 02 năm 2022")]
    [InlineData(2022, 1, 15, "Quốc Oai, ngày 15 tháng 01 năm 2022")]
    public void The_date_line_pads_the_day_always_and_the_month_only_for_January_and_February(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnamTime.DateLine("Quốc Oai", new DateOnly(year, month, day)));

    [Theory]
    [InlineData("Phòng, chống dịch", "phong, chong dich")]
    [InlineData("ĐẢNG ỦY XÃ", "dang uy xa")]
    [InlineData("114-CV/HU", "114-cv/hu")]
    [InlineData("Nghị quyết", "nghi quyet")]
    public void Folding_removes_Vietnamese_marks_including_d_with_stroke(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Folding_treats_decomposed_and_composed_text_alike() =>
        Assert.Equal(VietnameseText.Fold("Huyện ủy"), VietnameseText.Fold("Huyện ủy".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void A_deadline_is_late_from_midnight_after_it_in_Vietnam()
    {
        var lateFrom = VietnamTime.LateFromUtc(new DateOnly(2021, 9, 4));
        Assert.Equal(new DateTime(2021, 9, 4, 17, 0, 0, DateTimeKind.Utc), lateFrom);
    }
}
