using System.Globalization;
using System.Text;
using DirectiveHub.Dashboards;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;

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

    /// <summary>Resolves the period into <see cref="From"/> and <see cref="To"/> (shown back in the form) and builds the filter.</summary>
    protected DashboardFilter Filter(Guid ownOrganization, TimeProvider clock, string? trendBy = null)
    {
        (From, To) = DashboardPeriod.Resolve(Preset, From, To, VietnamTime.Today(clock));
        return new DashboardFilter(Org ?? ownOrganization, From.Value, To.Value, Type, Issuer, trendBy);
    }

    protected FileContentResult CsvFile(IReadOnlyList<Dictionary<string, object?>> rows, string fileName)
    {
        var text = new StringBuilder();
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

    /// <param name="table">One table (written as <paramref name="sheetName"/>) or a dictionary of sheet names to tables.</param>
    protected async Task<FileStreamResult> XlsxFileAsync(object table, string? sheetName, string fileName, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        if (sheetName is null)
        {
            await stream.SaveAsAsync(table, cancellationToken: cancellationToken);
        }
        else
        {
            await stream.SaveAsAsync(table, sheetName: sheetName, cancellationToken: cancellationToken);
        }

        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
