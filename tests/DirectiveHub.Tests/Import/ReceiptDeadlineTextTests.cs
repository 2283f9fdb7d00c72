using DirectiveHub.Calendar;
using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

public sealed class ReceiptDeadlineTextTests
{
    [Theory]
    [InlineData("Các đơn vị báo cáo kết quả trong 10 ngày làm việc kể từ ngày nhận được văn bản.", 10, true)]
    [InlineData("hoàn thành trong 10 ngày làm việc kể từ ngày nhận văn bản", 10, true)]
    [InlineData("Báo cáo về Văn phòng trong vòng 15 ngày kể từ ngày nhận được Kế hoạch này.", 15, false)]
    [InlineData("chậm nhất 05 ngày làm việc, kể từ ngày nhận được công văn", 5, true)]
    [InlineData("gửi về Ban Tổ chức trong 07 ngày làm việc\nkể từ ngày nhận được văn bản", 7, true)]
    [InlineData("Thời hạn 30 ngày tính từ ngày nhận văn bản", 30, false)]
    [InlineData("TRONG 3 NGÀY LÀM VIỆC KỂ TỪ NGÀY NHẬN ĐƯỢC VĂN BẢN", 3, true)]
    public void A_span_after_receipt_is_recognized(string text, int days, bool workingDays) =>
        Assert.Equal(new ReceiptDeadline(days, workingDays), ReceiptDeadlineText.Find(text));

    [Theory]
    [InlineData("hoàn thành trước ngày 04/9/2021")]
    [InlineData("Thực hiện trong 10 ngày đầu tháng 9")]
    [InlineData("trong 0 ngày kể từ ngày nhận văn bản")]
    [InlineData("trong 999 ngày kể từ ngày nhận văn bản")]
    [InlineData("")]
    public void Other_wording_is_not_a_span_after_receipt(string text) =>
        Assert.Null(ReceiptDeadlineText.Find(text));

    [Fact]
    public void The_parser_puts_the_span_on_the_task_and_the_draft_takes_it()
    {
        const string text = """
            HUYỆN ỦY QUỐC OAI
            *
            Số 120-CV/HU
            ĐẢNG CỘNG SẢN VIỆT NAM
            Quốc Oai, ngày 05 tháng 11 năm 2021
            V/v rà soát đảng viên
            Kính gửi: - Các đảng ủy xã, thị trấn.
            Ban Thường vụ Huyện ủy yêu cầu:
            1. Rà soát danh sách đảng viên, báo cáo trong 10 ngày làm việc kể từ ngày nhận được văn bản.
            2. Tổng hợp kết quả, hoàn thành trước ngày 30/11/2021.
            Nơi nhận:
            - Như kính gửi,
            - Lưu VPHU.
            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            Đàm Công Lợi
            """;
        var parsed = DirectiveTextParser.Parse(text);

        Assert.Equal(new ReceiptDeadline(10, true), parsed.Tasks[0].DeadlineAfterReceipt);
        Assert.Null(parsed.Tasks[0].Deadline);
        Assert.Equal(new DateOnly(2021, 11, 30), parsed.Tasks[1].Deadline);
        Assert.Null(parsed.Tasks[1].DeadlineAfterReceipt);
        var draft = ParsedDirectiveContent.ToContent(parsed, _ => null);
        Assert.Equal(new ReceiptDeadline(10, true), draft.Tasks[0].DeadlineAfterReceipt);
        Assert.Null(draft.Tasks[1].DeadlineAfterReceipt);
    }
}
