using System.Globalization;
using DirectiveHub.Access;
using DirectiveHub.Registers;
using DirectiveHub.Time;

namespace DirectiveHub.Web.Features.Registers;

/// <summary>The three registers as printed tables (titles and Vietnamese column headers after Phụ lục IV).</summary>
public sealed class RegisterTables(RegisterBook book)
{
    public static readonly IReadOnlyDictionary<string, RegisterKind> Kinds = new Dictionary<string, RegisterKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["outgoing"] = RegisterKind.Outgoing,
        ["incoming"] = RegisterKind.Incoming,
        ["follow-up"] = RegisterKind.FollowUp,
    };

    public static string Slug(RegisterKind kind) => kind switch
    {
        RegisterKind.Outgoing => "outgoing",
        RegisterKind.Incoming => "incoming",
        _ => "follow-up",
    };

    public static string Title(RegisterKind kind) => kind switch
    {
        RegisterKind.Outgoing => "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        RegisterKind.Incoming => "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
        _ => "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
    };

    public static string ShortName(RegisterKind kind) => kind switch
    {
        RegisterKind.Outgoing => "Sổ văn bản đi",
        RegisterKind.Incoming => "Sổ văn bản đến",
        _ => "Sổ theo dõi giải quyết",
    };

    /// <summary>"Năm 2021", or "Từ ngày 01/10/2021 đến ngày 31/12/2021".</summary>
    public static string PeriodText(RegisterPeriod period) => period.Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"Năm {year}")
        : $"Từ ngày {VietnamTime.ShortDate(period.From)} đến ngày {VietnamTime.ShortDate(period.To)}";

    public async Task<RegisterTable> BuildAsync(RegisterKind kind, Viewer viewer, Guid organizationId, RegisterPeriod period, int skip, int take, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case RegisterKind.Outgoing:
                {
                    var page = await book.OutgoingAsync(viewer, organizationId, period, skip, take, cancellationToken);
                    return new RegisterTable(
                        Title(kind),
                        ShortName(kind),
                        ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú"],
                        ["number", "date", "subject", "", "", "", "count", ""],
                        page.Items.Select(r => (IReadOnlyList<string>)
                        [
                            r.Number, VietnamTime.ShortDate(r.IssuedOn), r.Subject, r.Signer, string.Join("; ", r.Recipients), r.FileCopy ?? string.Empty,
                        r.Copies.ToString(CultureInfo.InvariantCulture), r.Notes ?? string.Empty,
                        ]).ToList(),
                        page.Total);
                }

            case RegisterKind.Incoming:
                {
                    var page = await book.IncomingAsync(viewer, organizationId, period, skip, take, cancellationToken);
                    return new RegisterTable(
                        Title(kind),
                        ShortName(kind),
                        ["Ngày, giờ đến", "Số đến", "Tác giả (cơ quan ban hành)", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ghi chú"],
                        ["date", "arrival", "", "number", "date", "subject", "", ""],
                        page.Items.Select(r => (IReadOnlyList<string>)
                        [
                            VietnamTime.ShortDateTime(r.ArrivedAt), r.ArrivalNumber.ToString(CultureInfo.InvariantCulture), r.Issuer, r.Number, VietnamTime.ShortDate(r.IssuedOn),
                        r.Subject, r.HandedTo ?? string.Empty, r.Notes ?? string.Empty,
                        ]).ToList(),
                        page.Total);
                }

            default:
                {
                    var page = await book.FollowUpAsync(viewer, organizationId, period, skip, take, cancellationToken);
                    return new RegisterTable(
                        Title(kind),
                        ShortName(kind),
                        ["Số đến", "Tên loại, số, ký hiệu, ngày tháng và trích yếu văn bản", "Nhiệm vụ", "Đơn vị hoặc người giải quyết", "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ngày văn bản kết quả", "Ghi chú"],
                        ["arrival", "subject", "subject", "", "date", "", "", ""],
                        page.Items.Select(r => (IReadOnlyList<string>)
                        [
                            r.ArrivalNumber.ToString(CultureInfo.InvariantCulture), $"{r.Number} ngày {VietnamTime.ShortDate(r.IssuedOn)}: {r.Subject}", r.Task, r.Handler,
                        r.Deadline is { } due ? VietnamTime.ShortDate(due) : string.Empty, r.Progress, ResultText(r), r.Notes ?? string.Empty,
                        ]).ToList(),
                        page.Total);
                }
        }
    }

    private static string ResultText(FollowUpRegisterRow row) => (row.ResultNumber, row.ResultDate) switch
    {
        ({ } number, { } date) => $"{number} ngày {VietnamTime.ShortDate(date)}",
        (null, { } date) => $"Báo cáo hoàn thành ngày {VietnamTime.ShortDate(date)}",
        ({ } number, null) => number,
        _ => string.Empty,
    };
}
