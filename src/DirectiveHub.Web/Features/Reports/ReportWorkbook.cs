using DirectiveHub.Reports;
using DirectiveHub.Time;
using DirectiveHub.Web.Features.Exports;

namespace DirectiveHub.Web.Features.Reports;

/// <summary>A periodic report as one workbook, one sheet per table: the figures, then each of the four lists.</summary>
public static class ReportWorkbook
{
    public const string FiguresSheet = "Tổng hợp";

    public static readonly IReadOnlyList<string> ListSheets = ["Giao trong kỳ", "Hoàn thành trong kỳ", "Đến hạn trong kỳ", "Tồn cuối kỳ"];

    public static Task<MemoryStream> WriteAsync(PeriodicReportContent report, string? number, CancellationToken cancellationToken)
    {
        var title = $"Báo cáo tình hình thực hiện văn bản chỉ đạo {report.PeriodTitle} · {report.OrganizationName}" + (number is null ? string.Empty : $" · Số {number}") + $" · Số liệu đến ngày {VietnamTime.ShortDate(report.AsOf)}";
        var sheets = new Dictionary<string, (string Title, List<Dictionary<string, object?>> Rows)>
        {
            [FiguresSheet] = (title, [.. report.Units.Append(report.Total).Select(FigureRow)]),
            [ListSheets[0]] = ($"{ListSheets[0]} · {title}", Lines(report.AssignedInPeriod)),
            [ListSheets[1]] = ($"{ListSheets[1]} · {title}", Lines(report.DoneInPeriod)),
            [ListSheets[2]] = ($"{ListSheets[2]} · {title}", Lines(report.DueInPeriod)),
            [ListSheets[3]] = ($"{ListSheets[3]} · {title}", Lines(report.OpenAtEnd)),
        };
        return Workbook.WriteAsync(sheets, cancellationToken);
    }

    public static Dictionary<string, object?> FigureRow(ReportUnitFigures f) => new()
    {
        ["Đơn vị"] = f.Unit,
        ["Số nhiệm vụ được giao"] = f.Assigned,
        ["Hoàn thành đúng hạn"] = f.DoneOnTime,
        ["Tỷ lệ hoàn thành đúng hạn (%)"] = f.DoneOnTimePercent,
        ["Hoàn thành trễ hạn"] = f.DoneLate,
        ["Tỷ lệ hoàn thành trễ hạn (%)"] = f.DoneLatePercent,
        ["Đang thực hiện trong hạn"] = f.OpenInTime,
        ["Tỷ lệ trong hạn (%)"] = f.OpenInTimePercent,
        ["Quá hạn chưa hoàn thành"] = f.OpenOverdue,
        ["Tỷ lệ quá hạn (%)"] = f.OpenOverduePercent,
        ["Chờ xác nhận kết quả"] = f.AwaitingConfirmation,
        ["Tỷ lệ chờ xác nhận (%)"] = f.AwaitingConfirmationPercent,
        ["Dừng, hủy"] = f.Cancelled,
        ["Tỷ lệ dừng, hủy (%)"] = f.CancelledPercent,
    };

    private static List<Dictionary<string, object?>> Lines(IReadOnlyList<ReportTaskLine> lines) =>
        lines.Count == 0
            ? [new() { ["Số, ký hiệu"] = "Không có nhiệm vụ nào." }]
            : lines.Select(l => new Dictionary<string, object?>
            {
                ["Số, ký hiệu"] = l.DirectiveNumber,
                ["Ngày văn bản"] = l.IssuedOn is { } d ? VietnamTime.ShortDate(d) : null,
                ["Trích yếu"] = l.Subject,
                ["Nhiệm vụ"] = l.Task,
                ["Đơn vị thực hiện"] = l.Unit,
                ["Thời hạn"] = l.Deadline is { } due ? VietnamTime.ShortDate(due) : null,
                ["Tình trạng"] = l.State,
                ["Ngày hoàn thành"] = l.DoneOn is { } done ? VietnamTime.ShortDate(done) : null,
            }).ToList();
}
