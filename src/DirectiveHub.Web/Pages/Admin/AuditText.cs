using System.Text;
using System.Text.Json;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The audit log in words a reader understands: Vietnamese names of what changed, and before/after values as text rather than escaped JSON.</summary>
public static class AuditText
{
    public static string EntityLabel(string entityType) => entityType switch
    {
        "Directive" => "Văn bản",
        "TaskAssignment" => "Nhiệm vụ của đơn vị",
        "Assignment" => "Văn bản đến của đơn vị",
        "AppUser" => "Người dùng",
        "Organization" => "Tổ chức",
        "NumberRegister" => "Sổ đăng ký số",
        _ => entityType,
    };

    // The names the audit details are stored under (code's words), as an administrator reads them.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Number"] = "Số",
        ["DocumentType"] = "Loại văn bản",
        ["Subject"] = "Trích yếu",
        ["Supersedes"] = "Thay thế văn bản",
        ["Amends"] = "Sửa đổi văn bản",
        ["Attached"] = "Đính kèm",
        ["Removed"] = "Gỡ bỏ",
        ["By"] = "Do",
        ["Email"] = "Thư điện tử",
        ["Roles"] = "Vai trò",
        ["OrganizationId"] = "Mã đơn vị",
        ["Before"] = "Trước",
        ["After"] = "Sau",
        ["Locked"] = "Khóa",
        ["Deactivated"] = "Ngừng hoạt động",
        ["TwoFactor"] = "Xác thực hai lớp",
        ["IsLockedOut"] = "Bị khóa",
        ["IsNotAllowed"] = "Không được phép đăng nhập",
        ["NextSequence"] = "Số tiếp theo",
        ["Opened"] = "Mở sổ",
        ["Period"] = "Kỳ",
        ["Start"] = "Từ ngày",
        ["End"] = "Đến ngày",
        ["Confidential"] = "Mật",
        ["ExchangeCode"] = "Mã liên thông",
        ["Trusted"] = "Tin cậy chứng thư gốc",
        ["Untrusted"] = "Bỏ tin cậy chứng thư gốc",
        ["Thumbprint"] = "Dấu vân tay",
        ["NotAfter"] = "Hết hạn",
        ["Issued"] = "Cấp",
        ["Revoked"] = "Thu hồi",
        ["Status"] = "Trạng thái",
        ["From"] = "Từ",
        ["To"] = "Sang",
        ["ToName"] = "Giao cho",
        ["Quality"] = "Chất lượng",
        ["Timing"] = "Thời gian hoàn thành",
        ["Reason"] = "Lý do",
        ["ReturnCount"] = "Số lần trả lại",
        ["Kind"] = "Hình thức",
        ["Text"] = "Nội dung",
        ["ReportBy"] = "Báo cáo trước ngày",
        ["UrgingCount"] = "Số lần đôn đốc",
        ["Note"] = "Ghi chú",
        ["Result"] = "Văn bản kết quả",
        ["ResultIssuedOn"] = "Ngày văn bản kết quả",
        ["Evidence"] = "Số tệp minh chứng",
        ["DeadlinesFixed"] = "Số thời hạn tính từ ngày nhận",
        ["Deadline"] = "Thời hạn",
        ["Proposed"] = "Đề nghị đến ngày",
        ["Approved"] = "Đồng ý",
        ["IssuedOn"] = "Ngày ban hành",
        ["Count"] = "Số lượng",
        ["Task"] = "Nhiệm vụ",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["self"] = "chính người dùng",
        ["administrator"] = "quản trị viên",
        ["RecoveryCode"] = "mã khôi phục",
        ["Authenticator"] = "ứng dụng xác thực",
        ["ResetByAdministrator"] = "quản trị viên đặt lại",
        ["Admin"] = "Quản trị",
        ["Clerk"] = "Văn thư",
        ["Officer"] = "Cán bộ",
        ["Leader"] = "Lãnh đạo",
        ["KhongDat"] = "Không đạt",
        ["Dat"] = "Đạt",
        ["DatTot"] = "Đạt tốt",
        ["XuatSac"] = "Xuất sắc",
        ["Early"] = "Trước hạn",
        ["OnTime"] = "Đúng hạn",
        ["Late"] = "Trễ hạn",
    };

    // The task states and urging kinds in the words every other page uses (one vocabulary, #13 item 7).
    private static readonly Dictionary<string, string> DomainWords =
        Enum.GetValues<DirectiveHub.Assignments.ProgressStatus>().ToDictionary(s => s.ToString(), s => DirectiveHub.Text.VietnameseText.Capitalized(DirectiveHub.Assignments.TaskAssignment.StatusText(s)), StringComparer.Ordinal)
            .Concat(Enum.GetValues<DirectiveHub.Assignments.UrgingKind>().ToDictionary(k => k.ToString(), DirectiveHub.Assignments.TaskLifecycle.KindText, StringComparer.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>"Số: 114-CV/HU · Trích yếu: tăng cường …" from the stored JSON; the text as stored when it is not JSON.</summary>
    public static string Readable(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Value(document.RootElement);
            }

            return Properties(document.RootElement, " · ");
        }
        catch (JsonException)
        {
            return details;
        }
    }

    private static string Properties(JsonElement value, string separator)
    {
        var text = new StringBuilder();
        foreach (var property in value.EnumerateObject())
        {
            text.Append(text.Length > 0 ? separator : string.Empty)
                .Append(Fields.GetValueOrDefault(property.Name, property.Name)).Append(": ").Append(Value(property.Value));
        }

        return text.ToString();
    }

    // A stored ISO date reads day first, as everywhere else.
    private static string Word(string s) =>
        Words.TryGetValue(s, out var word) ? word
        : DomainWords.TryGetValue(s, out var domain) ? domain
        : s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? DirectiveHub.Time.VietnamTime.ShortDate(date)
        : s;

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { } s ? Word(s) : string.Empty,
        JsonValueKind.Null => "—",
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        JsonValueKind.Object => "(" + Properties(value, "; ") + ")",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Value)),
        _ => value.GetRawText(),
    };
}
