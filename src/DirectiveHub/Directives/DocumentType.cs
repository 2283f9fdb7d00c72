namespace DirectiveHub.Directives;

/// <summary>A Party document type: the code printed in numbers ("CV" in "114-CV/HU") and its Vietnamese name.</summary>
public sealed record DocumentType(string Code, string Name, string PrintedTitle)
{
    public const string CopyCode = "BS";

    /// <summary>Types of Party documents (Hướng dẫn 36-HD/VPTW and Quy định 399-QĐ/TW).</summary>
    public static readonly IReadOnlyList<DocumentType> All =
    [
        new("CV", "Công văn", ""),
        new("CT", "Chỉ thị", "CHỈ THỊ"),
        new("TB", "Thông báo", "THÔNG BÁO"),
        new("KH", "Kế hoạch", "KẾ HOẠCH"),
        new("NQ", "Nghị quyết", "NGHỊ QUYẾT"),
        new("QĐ", "Quyết định", "QUYẾT ĐỊNH"),
        new("QĐi", "Quy định (2018–2025)", "QUY ĐỊNH"),
        new("KL", "Kết luận", "KẾT LUẬN"),
        new("HD", "Hướng dẫn", "HƯỚNG DẪN"),
        new("BC", "Báo cáo", "BÁO CÁO"),
        new("QC", "Quy chế", "QUY CHẾ"),
        new("TT", "Thông tri", "THÔNG TRI"),
        new("CTr", "Chương trình", "CHƯƠNG TRÌNH"),
        new("ĐA", "Đề án", "ĐỀ ÁN"),
        new("PA", "Phương án", "PHƯƠNG ÁN"),
        new("TTr", "Tờ trình", "TỜ TRÌNH"),
        new("BB", "Biên bản", "BIÊN BẢN"),
        new(CopyCode, "Bản sao", "SAO LỤC"),
    ];

    public static DocumentType? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>A công văn carries its subject as "V/v …"; other types print their name in capitals above it.</summary>
    public bool IsOfficialLetter => Code == "CV";
}
