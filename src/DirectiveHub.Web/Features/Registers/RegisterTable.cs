namespace DirectiveHub.Web.Features.Registers;

/// <summary>
/// A register as it is printed: its title, the column headers of Phụ lục IV, and the cells of each row as text. The
/// page, the print view and the workbook all render this one table, so their columns never differ.
/// </summary>
public sealed record RegisterTable(string Title, string ShortName, IReadOnlyList<string> Headers, IReadOnlyList<string> ColumnClasses, IReadOnlyList<IReadOnlyList<string>> Rows, int Total)
{
    /// <summary>The rows as the workbook writer takes them: header → value.</summary>
    public List<Dictionary<string, object?>> AsSheet() =>
        Rows.Select(r => Headers.Select((h, i) => (h, (object?)r[i])).ToDictionary(c => c.h, c => c.Item2)).ToList();
}
