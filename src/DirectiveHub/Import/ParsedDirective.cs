using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

/// <summary>
/// What the parser read from a directive's text. Every field it could not find is null (or empty), never invented;
/// <see cref="Warnings"/> says what it was unsure of. The JSON of the CLI and of POST /api/import/parse is this record.
/// </summary>
public sealed record ParsedDirective
{
    public string? Number { get; init; }

    public int? Sequence { get; init; }

    public string? DocumentType { get; init; }

    public string? IssuerCode { get; init; }

    public string? ParentBody { get; init; }

    public string? Issuer { get; init; }

    public string? Place { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? Subject { get; init; }

    /// <summary>null, "Khan", "ThuongKhan" or "HoaToc".</summary>
    public string? Urgency { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? Preamble { get; init; }

    public IReadOnlyList<ParsedTask> Tasks { get; init; } = [];

    public IReadOnlyList<ParsedReference> References { get; init; } = [];

    public IReadOnlyList<string> Distribution { get; init; } = [];

    public ParsedSigner Signer { get; init; } = new(null, null, null, null);

    public IReadOnlyList<ParsedAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The format check's warnings (Formatting.FormatCheck), when the caller asked for them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Formatting.FormatWarning>? FormatWarnings { get; init; }

    /// <summary>The closing request after the tasks ("Yêu cầu các … tổ chức triển khai thực hiện."), for the draft editor.</summary>
    [JsonIgnore]
    public string? Closing { get; init; }

    /// <summary>"Mat", "ToiMat" or "TuyetMat" when the document carries a confidentiality mark.</summary>
    [JsonIgnore]
    public string? Confidentiality { get; init; }
}
