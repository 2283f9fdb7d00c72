using System.Globalization;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>
/// The exception view of a committee: only red and special red items of its subtree, worst first; filters by
/// directive and unit; Excel and CSV. The same list as GET /api/exceptions.
/// </summary>
public sealed class ExceptionsModel(ExceptionList exceptions, AppDbContext db, CurrentUser user, TimeProvider clock) : DashboardPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Directive { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    /// <summary>The items shown, after the directive and unit filters.</summary>
    public IReadOnlyList<ExceptionItem> Items { get; private set; } = [];

    /// <summary>The choices of the filters: every directive and unit of the unfiltered view.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Directives { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public int SpecialRed => Items.Count(i => i.Level == ExceptionLevel.SpecialRed);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? CsvFile(Sheet(), "viec-tre-han.csv", await TitleAsync(cancellationToken)) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? await XlsxFileAsync(new Dictionary<string, List<Dictionary<string, object?>>> { ["Việc trễ hạn"] = Sheet() }, await TitleAsync(cancellationToken), "viec-tre-han.xlsx", cancellationToken)
            : NotFound();

    /// <summary>The title row of an export: the unit and the day the days late were counted on.</summary>
    private async Task<string> TitleAsync(CancellationToken cancellationToken)
    {
        var id = Org ?? user.OrganizationId;
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken);
        var filters = (Directive is null ? string.Empty : $", văn bản {Directives.FirstOrDefault(d => d.Id == Directive).Name}")
            + (Unit is null ? string.Empty : $", đơn vị {Units.FirstOrDefault(u => u.Id == Unit).Name}");
        return $"Việc trễ hạn cần xử lý — {name}, tính đến ngày {VietnamTime.ShortDate(VietnamTime.Today(clock))}{filters}";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await exceptions.LoadAsync(await user.GetViewerAsync(cancellationToken), new ExceptionFilter(Org ?? user.OrganizationId), cancellationToken);
        if (all is null)
        {
            return false;
        }

        Directives = all.GroupBy(i => i.DirectiveId).Select(g => (g.Key, g.First().DirectiveNumber ?? g.First().DirectiveSubject)).OrderBy(d => d.Item2, StringComparer.Ordinal).ToList();
        Units = all.GroupBy(i => i.OrganizationId).Select(g => (g.Key, g.First().OrganizationName)).OrderBy(u => u.Item2, StringComparer.Ordinal).ToList();
        Items = all.Where(i => (Directive is null || i.DirectiveId == Directive) && (Unit is null || i.OrganizationId == Unit)).ToList();
        return true;
    }

    private List<Dictionary<string, object?>> Sheet() => Items.Select(i => new Dictionary<string, object?>
    {
        ["Mức"] = ExceptionList.LevelText(i.Level),
        ["Đơn vị trễ hạn"] = i.OrganizationName,
        ["Số ngày làm việc trễ"] = i.DaysLate,
        ["Thời hạn"] = i.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["Văn bản"] = i.DirectiveNumber,
        ["Nhiệm vụ"] = $"{i.TaskLabel}. {i.TaskText}",
        ["Còn thiếu"] = ExceptionList.MissingText(i.Missing),
        ["Vướng mắc, đề nghị"] = i.Blocker,
        ["Cấp quyết định"] = i.DecidingOrganizationName,
    }).ToList();
}
