using DirectiveHub.Web.Pages.Admin;

namespace DirectiveHub.Tests.Admin;

/// <summary>#14 item 13: the audit log's details read as Vietnamese, not as the code's field names or escaped JSON.</summary>
public sealed class AuditTextTests
{
    [Fact]
    public void Field_names_and_coded_values_are_written_in_Vietnamese()
    {
        Assert.Equal(
            "Loại văn bản: CV · Trích yếu: tăng cường công tác phòng, chống dịch",
            AuditText.Readable("""{"DocumentType":"CV","Subject":"t\u0103ng c\u01B0\u1EDDng công tác phòng, chống dịch"}"""));
        Assert.Equal(
            "Trước: (Vai trò: Văn thư; Mã đơn vị: —) · Sau: (Vai trò: Lãnh đạo, Văn thư; Mã đơn vị: —)",
            AuditText.Readable("""{"Before":{"Roles":["Clerk"],"OrganizationId":null},"After":{"Roles":["Leader","Clerk"],"OrganizationId":null}}"""));
        Assert.Equal("Do: quản trị viên", AuditText.Readable("""{"By":"administrator"}"""));
        Assert.Equal("Khóa: có", AuditText.Readable("""{"Locked":true}"""));
    }

    [Fact]
    public void Lifecycle_entries_use_the_state_words_of_the_pages_and_dates_read_day_first()
    {
        Assert.Equal(
            "Từ: Chờ xác nhận · Sang: Hoàn thành trễ hạn · Chất lượng: Đạt · Thời gian hoàn thành: Trễ hạn",
            AuditText.Readable("""{"From":"AwaitingConfirmation","To":"DoneLate","Quality":"Dat","Timing":"Late"}"""));
        Assert.Equal(
            "Trạng thái: Đang thực hiện · Ngày văn bản kết quả: 01/12/2026",
            AuditText.Readable("""{"Status":"InProgress","ResultIssuedOn":"2026-12-01"}"""));
        Assert.Equal("Hình thức: Nhắc nhở · Số lần đôn đốc: 2", AuditText.Readable("""{"Kind":"NhacNho","UrgingCount":2}"""));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_shown_as_stored() =>
        Assert.Equal("ghi chú {", AuditText.Readable("ghi chú {"));
}
