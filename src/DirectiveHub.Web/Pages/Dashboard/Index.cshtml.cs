using System.Globalization;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>Compliance at a glance for a committee's subtree: what was issued, what is done, late and overdue, by unit.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock, DashboardCache dashboards) : DashboardPage
{
    /// <summary>Which table a CSV export is of: units (default), tree, overdue, lifecycle or heatmap.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var rows = Table switch
        {
            "tree" => TreeSheet(),
            "overdue" => OverdueSheet(),
            "heatmap" => HeatMapSheet(),
            "lifecycle" => LifecycleSheet(),
            _ => UnitSheet(),
        };
        var table = Table switch
        {
            "tree" => "Tổng hợp theo cây tổ chức",
            "overdue" => "Nhiệm vụ quá hạn lâu nhất",
            "heatmap" => "Bản đồ nhiệt theo văn bản",
            "lifecycle" => "Xác nhận, trả lại, gia hạn, đôn đốc và chất lượng kết quả",
            _ => "Tổng hợp theo đơn vị",
        };
        return CsvFile(rows, FileName("csv", Table), ExportTitle(table, View.OrganizationName));
    }

    /// <summary>One workbook, one sheet per table of the page.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var sheets = new Dictionary<string, List<Dictionary<string, object?>>>
        {
            ["Theo đơn vị"] = UnitSheet(),
            ["Theo cây tổ chức"] = TreeSheet(),
            ["Quá hạn lâu nhất"] = OverdueSheet(),
            ["Xác nhận và đôn đốc"] = LifecycleSheet(),
            ["Bản đồ nhiệt"] = HeatMapSheet(),
        };
        return await XlsxFileAsync(sheets, ExportTitle("Tổng hợp tình hình thực hiện", View.OrganizationName), FileName("xlsx", null), cancellationToken);
    }

    private List<Dictionary<string, object?>> UnitSheet() => View.Units.Select(u => new Dictionary<string, object?>
    {
        ["Đơn vị"] = u.Name,
        ["Nhiệm vụ được giao"] = u.Assigned,
        ["Đã xác nhận"] = u.Acknowledged,
        ["Hoàn thành đúng hạn"] = u.Done,
        ["Hoàn thành trễ hạn"] = u.DoneLate,
        ["Quá hạn"] = u.Overdue,
        ["Tỷ lệ đúng hạn"] = u.OnTimeRate,
    }).ToList();

    private List<Dictionary<string, object?>> TreeSheet() => View.Tree.Select(u => new Dictionary<string, object?>
    {
        ["Cấp"] = u.Depth,
        ["Đơn vị (cộng cả đơn vị trực thuộc)"] = new string(' ', u.Depth * 2) + u.Name,
        ["Nhiệm vụ được giao"] = u.Assigned,
        ["Đã xác nhận"] = u.Acknowledged,
        ["Hoàn thành đúng hạn"] = u.Done,
        ["Hoàn thành trễ hạn"] = u.DoneLate,
        ["Quá hạn"] = u.Overdue,
        ["Tỷ lệ đúng hạn"] = u.OnTimeRate,
    }).ToList();

    private List<Dictionary<string, object?>> LifecycleSheet() => View.Lifecycle.Select(r => new Dictionary<string, object?>
    {
        ["Đơn vị"] = r.Name,
        ["Chờ cấp ủy xác nhận"] = r.AwaitingConfirmation,
        ["Chờ lâu nhất (ngày)"] = r.OldestAwaitingDays,
        ["Bị trả lại"] = r.Returned,
        ["Đã hủy"] = r.Cancelled,
        ["Không có hạn"] = r.NoDeadline,
        ["Sắp đến hạn"] = r.DueSoon,
        ["Số lần gia hạn"] = r.Extensions,
        ["Nhắc nhở"] = r.NhacNho,
        ["Phê bình"] = r.PheBinh,
        ["Yêu cầu kiểm điểm"] = r.KiemDiem,
        ["Xuất sắc"] = r.XuatSac,
        ["Đạt tốt"] = r.DatTot,
        ["Đạt"] = r.Dat,
        ["Không đạt"] = r.KhongDat,
    }).ToList();

    private List<Dictionary<string, object?>> OverdueSheet() => View.OldestOverdue.Select(o => new Dictionary<string, object?>
    {
        ["Văn bản"] = o.Number,
        ["Nhiệm vụ"] = o.TaskLabel + ". " + o.TaskText,
        ["Đơn vị"] = o.Unit,
        ["Hạn"] = o.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["Số ngày quá hạn"] = o.DaysLate,
    }).ToList();

    private List<Dictionary<string, object?>> HeatMapSheet()
    {
        if (View.HeatMap is not { } map)
        {
            return [];
        }

        return map.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["Đơn vị"] = r.Name };
            for (var i = 0; i < map.Directives.Count; i++)
            {
                // Numbers repeat across issuers and years: the column names the date too, and a position if still equal.
                var column = $"{map.Directives[i].Number} ({map.Directives[i].IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})";
                row[row.ContainsKey(column) ? $"{column} #{i + 1}" : column] = r.Cells[i] is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.Finished}/{c.Assigned}") + (c.Overdue > 0 ? $" ({c.Overdue} quá hạn)" : string.Empty) : null;
            }

            return row;
        }).ToList();
    }

    private string FileName(string extension, string? table) =>
        string.Create(CultureInfo.InvariantCulture, $"tong-hop-{(table is null or "units" ? string.Empty : table + "-")}{View.From:yyyyMMdd}-{View.To:yyyyMMdd}.{extension}");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var filter = Filter(user.OrganizationId, clock, TrendBy);
        var view = await dashboards.GetAsync(db, await user.GetViewerAsync(cancellationToken), filter, VietnamTime.Today(clock), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
