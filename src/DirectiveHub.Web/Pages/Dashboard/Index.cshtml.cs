using System.Globalization;
using System.Text;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>Compliance at a glance for a committee's subtree: what was issued, what is done, late and overdue, by unit.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Preset { get; set; } = "month";

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var text = new StringBuilder("Đơn vị,Nhiệm vụ được giao,Đã xác nhận,Hoàn thành đúng hạn,Hoàn thành trễ hạn,Quá hạn,Tỷ lệ đúng hạn\n");
        foreach (var u in View.Units)
        {
            text.AppendLine(string.Join(',', DirectiveHub.Organizations.OrganizationCsv.Quote(u.Name), u.Assigned, u.Acknowledged, u.Done, u.DoneLate, u.Overdue, u.OnTimeRate?.ToString("0.####", CultureInfo.InvariantCulture) ?? ""));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", FileName("csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var rows = View.Units.Select(u => new Dictionary<string, object?>
        {
            ["Đơn vị"] = u.Name,
            ["Nhiệm vụ được giao"] = u.Assigned,
            ["Đã xác nhận"] = u.Acknowledged,
            ["Hoàn thành đúng hạn"] = u.Done,
            ["Hoàn thành trễ hạn"] = u.DoneLate,
            ["Quá hạn"] = u.Overdue,
            ["Tỷ lệ đúng hạn"] = u.OnTimeRate,
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Theo đơn vị", cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    public static (DateOnly From, DateOnly To) Period(string preset, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            "lastmonth" => (month.AddMonths(-1), month.AddDays(-1)),
            "quarter" => (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(3).AddDays(-1)),
            "year" => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            "custom" when from is { } f && to is { } t && f <= t => (f, t),
            _ => (month, month.AddMonths(1).AddDays(-1)),
        };
    }

    private string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"tong-hop-{View.From:yyyyMMdd}-{View.To:yyyyMMdd}.{extension}");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var (from, to) = Period(Preset, From, To, today);
        From = from;
        To = to;
        var view = await DashboardQuery.LoadAsync(db, await user.GetViewerAsync(cancellationToken), new DashboardFilter(Org ?? user.OrganizationId, from, to, Type), today, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
