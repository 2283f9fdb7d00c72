using System.Globalization;
using DirectiveHub.Assignments;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>
/// The exception view of a committee: only red and special red items of its subtree, worst first; filters by
/// directive and unit; Excel and CSV. The same list as GET /api/exceptions.
/// </summary>
public sealed class ExceptionsModel(ExceptionList exceptions, CurrentUser user) : DashboardPage
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
        await LoadAsync(cancellationToken) ? CsvFile(Sheet(), "ngoai-le.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await XlsxFileAsync(Sheet(), "Ngoại lệ", "ngoai-le.xlsx", cancellationToken) : NotFound();

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
