using System.Globalization;
using System.Text.RegularExpressions;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;
using DirectiveHub.Text;
using DirectiveHub.Time;

namespace DirectiveHub.Formatting;

/// <summary>
/// The format check (kiểm tra thể thức): the rules of Hướng dẫn 36-HD/VPTW (2018) for documents dated up to 2025, and
/// of Quy định 399-QĐ/TW (09/01/2026) with Hướng dẫn 05-HD/VPTW (2026) from 2026 on, as one table. Each rule gives a
/// warning the clerk reads beside the field; none blocks saving or registering, since a received document is kept as
/// it was issued.
/// </summary>
public static partial class FormatCheck
{
    public const string Source2018 = "Hướng dẫn 36-HD/VPTW (2018)";
    public const string Source2026 = "Quy định 399-QĐ/TW (2026), Hướng dẫn 05-HD/VPTW (2026)";

    private static readonly string[] CollectiveBodies = ["ban thuong vu", "ban chap hanh", "thuong truc", "dang uy", "chi bo", "uy ban kiem tra", "dang doan", "ban can su dang"];
    private static readonly string[] SecrecyWords = ["tai lieu mat", "van ban mat", "bi mat nha nuoc", "khong pho bien", "do mat"];

    // Leadership documents of a committee (nghị quyết, chỉ thị, kết luận, quy định, thông tri): its boards and office
    // issue guidance, plans, notices, reports and letters in their own name, not these.
    private static readonly HashSet<string> CommitteeOnlyTypes = new(StringComparer.Ordinal) { "NQ", "CT", "KL", "QĐi", "TT" };

    /// <summary>Every rule, in the order the document prints the fields.</summary>
    public static readonly IReadOnlyList<FormatRule> Rules =
    [
        new("number.shape", "number", "Số và ký hiệu văn bản của Đảng có dạng số-tên loại/cơ quan ban hành (114-CV/HU), không theo dạng văn bản nhà nước (1102/CĐ-TTg)."),
        new("number.leading-zero", "number", "Số dưới 10 ghi thêm số 0 phía trước (05-CV/HU)."),
        new("number.type-code", "number", "Ký hiệu tên loại trong số phải đúng loại văn bản (công văn ghi CV)."),
        new("number.quy-dinh-code", "number", "Từ năm 2026 quy định ghi ký hiệu QĐ (không còn QĐi)."),
        new("date.shape", "date", "Địa danh và ngày tháng ghi: \"Địa danh, ngày … tháng … năm …\"."),
        new("date.day", "date", "Ngày dưới 10 ghi thêm số 0 phía trước (ngày 02)."),
        new("date.month", "date", "Tháng 01 và 02 ghi thêm số 0; tháng 3 đến tháng 12 không ghi số 0 (tháng 9)."),
        new("subject.letter", "subject", "Trích yếu công văn bắt đầu bằng \"V/v\" hoặc \"Về\"."),
        new("subject.other-types", "subject", "Văn bản có tên loại (chỉ thị, thông báo, kế hoạch…) in tên loại, không ghi \"V/v\" trước trích yếu."),
        new("subject.duplicate-vv", "subject", "Trích yếu lưu không kèm \"V/v\": hệ thống tự in \"V/v\" trước trích yếu công văn."),
        new("signer.authorized", "signer", "Văn bản của Đảng không dùng thể thức ký T/UQ; dùng T/M, K/T hoặc T/L."),
        new("signer.state-form", "signer", "Văn bản của Đảng ghi thể thức ký có gạch chéo (T/M, K/T, T/L), không dùng dấu chấm như văn bản nhà nước (TM., KT., TL.)."),
        new("signer.deputy-secretary", "signer", "Phó bí thư ký thay mặt tập thể (T/M), không ký K/T."),
        new("signer.collective", "signer", "Ký thay mặt tập thể (ban thường vụ, ban chấp hành, đảng ủy, chi bộ, ủy ban kiểm tra) dùng T/M hoặc T/L, không dùng K/T."),
        new("distribution.missing", "distribution", "Văn bản có \"Nơi nhận\"."),
        new("distribution.file-copy", "distribution", "\"Nơi nhận\" kết thúc bằng dòng \"Lưu\" (Lưu: VPHU.)."),
        new("marks.confidential", "marks", "Nội dung thuộc bí mật phải có dấu độ mật (MẬT, TỐI MẬT, TUYỆT MẬT)."),
        new("marks.urgent", "marks", "Nhiệm vụ phải xong trong 1–2 ngày kể từ ngày ban hành: cân nhắc dấu độ khẩn (KHẨN, THƯỢNG KHẨN, HỎA TỐC)."),
        new("type.issuer", "type", "Nghị quyết, chỉ thị, kết luận, quy định, thông tri do cấp ủy, ban thường vụ ban hành, không do ban tham mưu, văn phòng."),
    ];

    /// <summary>The Vietnamese name of the part of the document a warning concerns, to show beside it.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "number" => "Số, ký hiệu",
        "date" => "Địa danh, ngày tháng",
        "subject" => "Trích yếu",
        "signer" => "Thể thức ký",
        "distribution" => "Nơi nhận",
        "marks" => "Độ mật, độ khẩn",
        _ => "Loại văn bản",
    };

    public static string SourceFor(DateOnly? issuedOn) => issuedOn is { Year: <= 2025 } ? Source2018 : Source2026;

    public static IReadOnlyList<FormatWarning> Check(FormatInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var source = SourceFor(input.IssuedOn);
        var warnings = new List<FormatWarning>();
        void Warn(string id, string message) =>
            warnings.Add(new FormatWarning(id, Rules.First(r => r.Id == id).Field, message, source));

        CheckNumber(input, Warn);
        CheckDateLine(input, Warn);
        CheckSubject(input, Warn);
        CheckSigner(input, Warn);
        CheckDistribution(input, Warn);
        CheckMarks(input, Warn);
        if (input.IssuerKind == OrganizationKind.CommitteeBoard && input.DocumentType is { } type && CommitteeOnlyTypes.Contains(type))
        {
            Warn("type.issuer", $"{DirectiveHub.Directives.DocumentType.Find(type)?.Name ?? type} do cấp ủy hoặc ban thường vụ ban hành, không do ban tham mưu, văn phòng.");
        }

        return warnings;
    }

    private static void CheckNumber(FormatInput input, Action<string, string> warn)
    {
        if (string.IsNullOrWhiteSpace(input.NumberAsWritten))
        {
            return;
        }

        var written = NumberPrefix().Replace(input.NumberAsWritten.Trim(), string.Empty);
        var party = PartyNumber().Match(written);
        if (!party.Success)
        {
            warn("number.shape", $"\"{written}\" không theo dạng số-tên loại/cơ quan (ví dụ 114-CV/HU).");
            return;
        }

        var sequence = party.Groups["seq"].Value;
        if (int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 10 && sequence.Length == 1)
        {
            warn("number.leading-zero", $"Số {sequence} ghi là 0{sequence}.");
        }

        var code = party.Groups["type"].Value;
        if (input.DocumentType is { } type && !string.Equals(code, type, StringComparison.Ordinal)
            && !(type == "QĐi" && code == "QĐ" && input.IssuedOn is not { Year: <= 2025 }))
        {
            var name = DirectiveHub.Directives.DocumentType.Find(type)?.Name.ToLower(CultureInfo.GetCultureInfo("vi-VN")) ?? type;
            warn("number.type-code", $"Ký hiệu \"{code}\" không khớp loại văn bản ({name} ghi {type}).");
        }

        if (code == "QĐi" && input.IssuedOn is { Year: >= 2026 })
        {
            warn("number.quy-dinh-code", "Văn bản từ năm 2026 ghi ký hiệu QĐ cho quy định, không ghi QĐi.");
        }
    }

    private static void CheckDateLine(FormatInput input, Action<string, string> warn)
    {
        if (string.IsNullOrWhiteSpace(input.DateLineAsWritten))
        {
            return;
        }

        var line = DateLine().Match(input.DateLineAsWritten);
        if (!line.Success)
        {
            warn("date.shape", $"\"{input.DateLineAsWritten.Trim()}\" không theo dạng \"Địa danh, ngày … tháng … năm …\".");
            return;
        }

        var day = line.Groups["d"].Value;
        if (day.Length == 1)
        {
            warn("date.day", $"\"ngày {day}\" ghi là \"ngày 0{day}\".");
        }

        var month = line.Groups["m"].Value;
        var number = int.Parse(month, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number is 1 or 2 && month.Length == 1)
        {
            warn("date.month", $"\"tháng {month}\" ghi là \"tháng 0{month}\".");
        }
        else if (number >= 3 && month.StartsWith('0'))
        {
            warn("date.month", $"\"tháng {month}\" ghi là \"tháng {number.ToString(CultureInfo.InvariantCulture)}\".");
        }
    }

    private static void CheckSubject(FormatInput input, Action<string, string> warn)
    {
        var letter = input.DocumentType == "CV";
        if (input.SubjectLineAsWritten is { } printed)
        {
            var line = Unquoted(printed);
            var startsWithAbout = AboutPrefix().IsMatch(line);
            if (letter && !startsWithAbout)
            {
                warn("subject.letter", "Trích yếu công văn bắt đầu bằng \"V/v\" hoặc \"Về\".");
            }
            else if (!letter && input.DocumentType is not null && line.StartsWith("V/v", StringComparison.OrdinalIgnoreCase))
            {
                warn("subject.other-types", "Văn bản có tên loại in tên loại trên trích yếu, không ghi \"V/v\".");
            }
        }
        else if (input.Subject is { } subject)
        {
            // A draft stores the subject without the words the app prints before it.
            var stored = Unquoted(subject);
            var prefix = stored.StartsWith("V/v", StringComparison.OrdinalIgnoreCase) ? stored[..3]
                : stored.StartsWith("Về việc", StringComparison.OrdinalIgnoreCase) ? stored[..7]
                : null;
            if (letter && prefix is not null)
            {
                warn("subject.duplicate-vv", $"Bỏ \"{prefix}\" ở đầu trích yếu: khi in hệ thống tự thêm \"V/v\", nếu giữ sẽ thành \"V/v {prefix}\".");
            }
            else if (!letter && input.DocumentType is not null && stored.StartsWith("V/v", StringComparison.OrdinalIgnoreCase))
            {
                warn("subject.other-types", "Văn bản có tên loại in tên loại trên trích yếu, không ghi \"V/v\".");
            }
        }
    }

    private static string Unquoted(string text) => text.Trim().Trim('"', '“', '”', '\'').TrimStart();

    private static void CheckSigner(FormatInput input, Action<string, string> warn)
    {
        var written = input.SigningAuthorityAsWritten?.Trim().ToUpperInvariant();
        if (input.SigningAuthority == SigningAuthority.Authorized || written is "T/UQ" or "TUQ." or "TUQ")
        {
            warn("signer.authorized", "Văn bản của Đảng không dùng thể thức ký T/UQ.");
        }
        else if (written is "TM." or "KT." or "TL.")
        {
            warn("signer.state-form", $"\"{written}\" là cách ghi của văn bản nhà nước; văn bản của Đảng ghi {written[..1]}/{written[1..^1]}.");
        }

        var deputy = input.SigningAuthority == SigningAuthority.Deputy || written is "K/T" or "KT.";
        if (!deputy)
        {
            return;
        }

        var position = VietnameseText.Fold(input.SignerPosition);
        if (position.Contains("pho bi thu", StringComparison.Ordinal))
        {
            warn("signer.deputy-secretary", "Phó bí thư ký \"T/M\" tập thể, không ký \"K/T\".");
        }
        else if (VietnameseText.Fold(input.SignerBody) is { Length: > 0 } body && CollectiveBodies.Any(c => body.StartsWith(c, StringComparison.Ordinal)))
        {
            warn("signer.collective", $"Ký thay mặt {input.SignerBody!.Trim()} dùng \"T/M\", không dùng \"K/T\".");
        }
    }

    private static void CheckDistribution(FormatInput input, Action<string, string> warn)
    {
        var items = input.Distribution.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (items.Count == 0)
        {
            warn("distribution.missing", "Chưa có \"Nơi nhận\".");
            return;
        }

        if (!VietnameseText.Fold(items[^1]).TrimStart('-', ' ').StartsWith("luu", StringComparison.Ordinal))
        {
            warn("distribution.file-copy", "Dòng cuối của \"Nơi nhận\" là \"Lưu\" và nơi giữ bản lưu (Lưu: VPHU.).");
        }
    }

    private static void CheckMarks(FormatInput input, Action<string, string> warn)
    {
        var body = VietnameseText.Fold(input.Body);
        if (input.Confidentiality == Confidentiality.None && SecrecyWords.FirstOrDefault(w => body.Contains(w, StringComparison.Ordinal)) is { } word)
        {
            warn("marks.confidential", $"Nội dung nói \"{word}\" nhưng văn bản chưa có dấu độ mật.");
        }

        if (input.Urgency == Urgency.None && input.IssuedOn is { } issued && input.EarliestDeadline is { } due && due.DayNumber - issued.DayNumber is >= 0 and <= 2)
        {
            warn("marks.urgent", $"Nhiệm vụ hạn {VietnamTime.ShortDate(due)}, chỉ {due.DayNumber - issued.DayNumber} ngày sau ngày ban hành: cân nhắc dấu độ khẩn.");
        }
    }

    [GeneratedRegex(@"^Số\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^(?<seq>\d+)\s*-\s*(?<type>[^\s/\-]+)\s*/\s*(?<issuer>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyNumber();

    [GeneratedRegex(@"^\s*[^,]+,\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(V/v|Về)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutPrefix();
}
