using System.Globalization;
using System.Text;
using DirectiveHub.Dashboards;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>
/// The filter every dashboard page reads from its address (unit, period, type, issuer), and the exports of their
/// tables: a table is a list of rows, each a dictionary from the Vietnamese column header to the value.
/// </summary>
public abstract class DashboardPage : PageModel
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

    [BindProperty(SupportsGet = true)]
    public Guid? Issuer { get; set; }

    /// <summary>The overview's trend, "month" or "week": carried by every page so that "back" shows the same view.</summary>
    [BindProperty(SupportsGet = true)]
    public string? TrendBy { get; set; }

    /// <summary>Resolves the period into <see cref="From"/> and <see cref="To"/> (shown back in the form) and builds the filter.</summary>
    protected DashboardFilter Filter(Guid ownOrganization, TimeProvider clock, string? trendBy = null)
    {
        (From, To) = DashboardPeriod.Resolve(Preset, From, To, VietnamTime.Today(clock));
        return new DashboardFilter(Org ?? ownOrganization, From.Value, To.Value, Type, Issuer, trendBy);
    }

    /// <summary>
    /// The whole filter as route values, the period spelled out (<c>preset=custom</c> with both dates): every export and
    /// every link from a dashboard page carries it, so what is downloaded or opened is what is on the screen.
    /// </summary>
    public Dictionary<string, string?> FilterRoute(Guid? organization = null) => new()
    {
        ["org"] = (organization ?? Org)?.ToString(),
        ["preset"] = "custom",
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["type"] = Type,
        ["issuer"] = Issuer?.ToString(),
        ["trendBy"] = TrendBy,
    };

    /// <summary>The title row of an export: what the table is, of which unit, for which period and filter.</summary>
    protected string ExportTitle(string table, string organizationName)
    {
        var title = new StringBuilder(table).Append(" · ").Append(organizationName)
            .Append(" · Kỳ ").Append(From?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append('–').Append(To?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(Type))
        {
            title.Append(" · Loại ").Append(DirectiveHub.Directives.DocumentType.Find(Type)?.Name ?? Type);
        }

        if (Issuer is not null)
        {
            title.Append(" · Cơ quan ban hành đã chọn");
        }

        return title.ToString();
    }

    /// <summary>A CSV file: the title row, an empty line, then the table with its header.</summary>
    protected FileContentResult CsvFile(IReadOnlyList<Dictionary<string, object?>> rows, string fileName, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(OrganizationCsv.Quote(title));
        text.AppendLine();
        if (rows.Count > 0)
        {
            text.AppendLine(string.Join(',', rows[0].Keys.Select(OrganizationCsv.Quote)));
            foreach (var row in rows)
            {
                text.AppendLine(string.Join(',', row.Values.Select(v => OrganizationCsv.Quote(v switch
                {
                    null => string.Empty,
                    double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString() ?? string.Empty,
                }))));
            }
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>A workbook with one sheet per table; each sheet starts with the title row, then the table with its header.</summary>
    protected async Task<FileStreamResult> XlsxFileAsync(IReadOnlyDictionary<string, List<Dictionary<string, object?>>> sheets, string title, string fileName, CancellationToken cancellationToken) =>
        File(await Features.Exports.Workbook.WriteAsync(sheets, title, cancellationToken), Features.Exports.Workbook.ContentType, fileName);
}
