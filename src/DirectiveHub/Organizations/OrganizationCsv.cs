using System.Text;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>
/// The organization tree as CSV (UTF-8, header <c>code,name,kind,parentCode,place</c>, optional <c>symbol</c> and
/// <c>partyBody</c> columns). An import checks the whole file first and reports every bad row by line number, then
/// creates all rows or none.
/// </summary>
public static class OrganizationCsv
{
    public static readonly string[] Header = ["code", "name", "kind", "parentCode", "place"];

    /// <summary>One import is one committee's tree, not a country: beyond this a file is refused whole.</summary>
    public const int MaxRows = 5_000;

    public static async Task<CsvImportResult> ImportAsync(AppDbContext db, string text, string? scopePath, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var lines = ReadRecords(text);
        if (lines.Count == 0)
        {
            return new CsvImportResult(0, [new CsvError(1, "Tệp trống.")]);
        }

        if (lines.Count > MaxRows + 1)
        {
            return new CsvImportResult(0, [new CsvError(MaxRows + 2, $"Tệp có quá nhiều dòng: tối đa {MaxRows} đơn vị mỗi lần nhập.")]);
        }

        var header = lines[0].Fields.Select(f => f.Trim()).ToList();
        var missing = Header.Where(h => !header.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return new CsvImportResult(0, [new CsvError(lines[0].Line, "Thiếu cột: " + string.Join(", ", missing) + ". Dòng tiêu đề phải là: " + string.Join(',', Header) + ".")]);
        }

        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var rows = new List<Row>();
        foreach (var (line, fields) in lines.Skip(1))
        {
            string Get(string name) => Column(name) is var i and >= 0 && i < fields.Count ? fields[i].Trim() : string.Empty;
            rows.Add(new Row(line, Get("code").ToUpperInvariant(), Get("name"), Get("kind"), Get("parentCode").ToUpperInvariant(), Get("place"), Get("symbol"), Get("partyBody")));
        }

        return await ApplyAsync(db, rows, scopePath, effectiveOn, cancellationToken);
    }

    /// <summary>Creates one unit under the same rules as a file row (the API's single create).</summary>
    public static async Task<CsvImportResult> CreateAsync(AppDbContext db, NewOrganization unit, string? scopePath, DateOnly effectiveOn, CancellationToken cancellationToken) =>
        await ApplyAsync(
            db,
            [new Row(0, (unit.Code ?? string.Empty).Trim().ToUpperInvariant(), (unit.Name ?? string.Empty).Trim(), (unit.Kind ?? string.Empty).Trim(), (unit.ParentCode ?? string.Empty).Trim().ToUpperInvariant(), (unit.Place ?? string.Empty).Trim(), (unit.Symbol ?? string.Empty).Trim(), (unit.PartyBody ?? string.Empty).Trim())],
            scopePath,
            effectiveOn,
            cancellationToken);

    private static async Task<CsvImportResult> ApplyAsync(AppDbContext db, List<Row> rows, string? scopePath, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var errors = new List<CsvError>();
        var existing = await db.Organizations.ToDictionaryAsync(o => o.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in rows)
        {
            var line = row.Line;
            if (row.Code.Length == 0)
            {
                errors.Add(new CsvError(line, "Thiếu mã đơn vị (code).", "code"));
            }
            else if (row.Code.Length > 64)
            {
                errors.Add(new CsvError(line, "Mã đơn vị dài quá 64 ký tự.", "code"));
            }

            if (row.Name.Length == 0)
            {
                errors.Add(new CsvError(line, "Thiếu tên đơn vị (name).", "name"));
            }

            if (!Enum.TryParse<OrganizationKind>(row.Kind, ignoreCase: false, out _) || int.TryParse(row.Kind, out _))
            {
                errors.Add(new CsvError(line, $"Loại đơn vị \"{row.Kind}\" không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<OrganizationKind>())}.", "kind"));
            }
        }

        foreach (var duplicate in rows.Where(r => r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(r => new CsvError(r.Line, $"Mã \"{r.Code}\" lặp lại (đã có ở dòng {duplicate.First().Line}).", "code")));
        }

        var inFile = rows.Where(r => r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (existing.ContainsKey(row.Code))
            {
                errors.Add(new CsvError(row.Line, $"Mã \"{row.Code}\" đã có trong hệ thống.", "code"));
            }

            if (row.ParentCode.Length == 0)
            {
                if (scopePath is not null)
                {
                    errors.Add(new CsvError(row.Line, "Cần mã đơn vị cấp trên (parentCode) thuộc phạm vi quản lý của bạn.", "parentCode"));
                }
            }
            else if (existing.TryGetValue(row.ParentCode, out var parent))
            {
                if (scopePath is not null && !parent.IsWithin(scopePath))
                {
                    errors.Add(new CsvError(row.Line, $"Đơn vị cấp trên \"{row.ParentCode}\" nằm ngoài phạm vi quản lý của bạn.", "parentCode"));
                }
                else if (parent.IsDissolved)
                {
                    errors.Add(new CsvError(row.Line, $"Đơn vị cấp trên \"{row.ParentCode}\" đã giải thể.", "parentCode"));
                }
            }
            else if (!inFile.ContainsKey(row.ParentCode))
            {
                errors.Add(new CsvError(row.Line, $"Không tìm thấy đơn vị cấp trên \"{row.ParentCode}\" trong hệ thống hay trong tệp.", "parentCode"));
            }
        }

        // Parents named in the file must not form a cycle.
        foreach (var row in rows)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { row.Code };
            var current = row;
            while (current.ParentCode.Length > 0 && inFile.TryGetValue(current.ParentCode, out var next))
            {
                if (!seen.Add(next.Code))
                {
                    errors.Add(new CsvError(row.Line, $"Quan hệ cấp trên của \"{row.Code}\" tạo thành vòng."));
                    break;
                }

                current = next;
            }
        }

        if (errors.Count > 0)
        {
            return new CsvImportResult(0, errors.OrderBy(e => e.Line).ToList());
        }

        var created = new Dictionary<string, Organization>(StringComparer.OrdinalIgnoreCase);
        Organization Create(Row row)
        {
            if (created.TryGetValue(row.Code, out var done))
            {
                return done;
            }

            var parent = row.ParentCode.Length == 0 ? null
                : existing.TryGetValue(row.ParentCode, out var known) ? known
                : Create(inFile[row.ParentCode]);
            var kind = Enum.Parse<OrganizationKind>(row.Kind);
            var organization = new Organization(row.Code, row.Name, kind, row.Symbol.Length > 0 ? row.Symbol : DefaultSymbol(kind), row.Place, parent, effectiveOn, row.PartyBody);
            created[row.Code] = organization;
            db.Organizations.Add(organization);
            return organization;
        }

        foreach (var row in rows)
        {
            Create(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CsvImportResult(created.Count, []);
    }

    public static string Export(IEnumerable<Organization> organizations)
    {
        var list = organizations.ToList();
        var codes = list.ToDictionary(o => o.Id, o => o.Code);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Header.Append("symbol").Append("partyBody")));
        foreach (var o in list.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            var parent = o.ParentId is { } id && codes.TryGetValue(id, out var code) ? code : string.Empty;
            text.AppendLine(string.Join(',', new[] { o.Code, o.Name, o.Kind.ToString(), parent, o.Place ?? string.Empty, o.SymbolCode, o.PartyBodyName ?? string.Empty }.Select(Quote)));
        }

        return text.ToString();
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string DefaultSymbol(OrganizationKind kind) => kind switch
    {
        OrganizationKind.CentralCommittee => "TW",
        OrganizationKind.ProvincialCommittee => "TU",
        OrganizationKind.DistrictCommittee => "HU",
        OrganizationKind.CommuneCommittee => "ĐU",
        OrganizationKind.PartyCell => "CB",
        OrganizationKind.StateBody => "UBND",
        OrganizationKind.MassOrganization => "MTTQ",
        _ => "VP",
    };

    /// <summary>RFC 4180 records with the line each starts on; quoted fields may hold commas and line breaks.</summary>
    private static List<(int Line, List<string> Fields)> ReadRecords(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        text = text.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Any(f => f.Trim().Length > 0))
                    {
                        records.Add((start, fields));
                    }

                    fields = [];
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        fields.Add(field.ToString());
        if (fields.Any(f => f.Trim().Length > 0))
        {
            records.Add((start, fields));
        }

        return records;
    }

    private sealed record Row(int Line, string Code, string Name, string Kind, string ParentCode, string Place, string Symbol, string PartyBody);
}
