using System.Globalization;
using MiniExcelLibs;

namespace DirectiveHub.Web.Features.Exports;

/// <summary>
/// The app's Excel writer: a workbook with one sheet per table; each sheet starts with its title row, then the table
/// with its header. A table is a list of rows, each a dictionary from the Vietnamese column header to the value.
/// </summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<MemoryStream> WriteAsync(IReadOnlyDictionary<string, List<Dictionary<string, object?>>> sheets, string title, CancellationToken cancellationToken) =>
        WriteAsync(sheets.ToDictionary(s => s.Key, s => (title, s.Value)), cancellationToken);

    /// <summary>Sheets with a title each (a report's tables: the figures, then each list).</summary>
    public static async Task<MemoryStream> WriteAsync(IReadOnlyDictionary<string, (string Title, List<Dictionary<string, object?>> Rows)> sheets, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        var titled = sheets.ToDictionary(s => s.Key, s => (object)TitledSheet(s.Value.Rows, s.Value.Title));
        await stream.SaveAsAsync(titled, printHeader: false, cancellationToken: cancellationToken);
        stream.Position = 0;
        return stream;
    }

    // MiniExcel takes its columns from the first row's keys: positional keys let the title and header be rows too.
    private static List<Dictionary<string, object?>> TitledSheet(List<Dictionary<string, object?>> rows, string title)
    {
        var headers = rows.Count > 0 ? rows[0].Keys.ToList() : [];
        var width = Math.Max(1, headers.Count);
        Dictionary<string, object?> Row(Func<int, object?> cell) => Enumerable.Range(0, width).ToDictionary(i => "c" + i.ToString(CultureInfo.InvariantCulture), cell);
        var result = new List<Dictionary<string, object?>>(rows.Count + 3)
        {
            Row(i => i == 0 ? title : null),
            Row(_ => null),
        };
        if (headers.Count > 0)
        {
            result.Add(Row(i => headers[i]));
            result.AddRange(rows.Select(r => Row(i => r[headers[i]])));
        }

        return result;
    }
}
