using System.Globalization;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>The period's directives one by one: progress of their task assignments and of the directives that carry them out.</summary>
public sealed class DirectivesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : DashboardPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DirectiveProgress> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public Guid OrganizationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(PageNumber, PageSize, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(1, 10_000, cancellationToken))
        {
            return NotFound();
        }

        return CsvFile(Sheet(), FileName("csv"), ExportTitle("Tổng hợp theo văn bản", await OrganizationNameAsync(cancellationToken)));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(1, 10_000, cancellationToken))
        {
            return NotFound();
        }

        return await XlsxFileAsync(new Dictionary<string, List<Dictionary<string, object?>>> { ["Theo văn bản"] = Sheet() }, ExportTitle("Tổng hợp theo văn bản", await OrganizationNameAsync(cancellationToken)), FileName("xlsx"), cancellationToken);
    }

    private List<Dictionary<string, object?>> Sheet() => Rows.Select(r => new Dictionary<string, object?>
    {
        ["Số"] = r.Number,
        ["Trích yếu"] = r.Subject,
        ["Cơ quan ban hành"] = r.IssuerName,
        ["Ngày"] = r.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["Nhiệm vụ được giao"] = r.Assigned,
        ["Hoàn thành đúng hạn"] = r.Done,
        ["Hoàn thành trễ hạn"] = r.DoneLate,
        ["Quá hạn"] = r.Overdue,
        ["Đang thực hiện"] = r.Open,
        ["Văn bản cấp dưới triển khai"] = string.Join("; ", r.Cascade.Select(c => $"{c.Number} ({c.Done}/{c.Total})")),
    }).ToList();

    private async Task<string> OrganizationNameAsync(CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);

    private string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"theo-van-ban-{From:yyyyMMdd}-{To:yyyyMMdd}.{extension}");

    private async Task<bool> LoadAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var filter = Filter(user.OrganizationId, clock);
        OrganizationId = filter.OrganizationId;
        var result = await DashboardQuery.ByDirectiveAsync(db, await user.GetViewerAsync(cancellationToken), filter, VietnamTime.Today(clock), page, pageSize, cancellationToken);
        if (result is not { } found)
        {
            return false;
        }

        (Rows, Total) = found;
        return true;
    }
}
