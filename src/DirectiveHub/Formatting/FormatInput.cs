using DirectiveHub.Directives;
using DirectiveHub.Organizations;

namespace DirectiveHub.Formatting;

/// <summary>
/// What the format check reads. <see cref="NumberAsWritten"/> and <see cref="DateLineAsWritten"/> are the text as a
/// received document prints it (the app writes its own numbers and dates itself, so a draft leaves them empty).
/// </summary>
public sealed record FormatInput
{
    public DateOnly? IssuedOn { get; init; }

    public string? DocumentType { get; init; }

    /// <summary>"Số 05-CV/HU" or "05-CV/HU", as printed.</summary>
    public string? NumberAsWritten { get; init; }

    /// <summary>"Quốc Oai, ngày 02 tháng 9 năm 2021", as printed.</summary>
    public string? DateLineAsWritten { get; init; }

    /// <summary>The subject as stored (the app prints "V/v" before a công văn's subject itself).</summary>
    public string? Subject { get; init; }

    /// <summary>The subject line as printed ("V/v tăng cường …"), for a received document; null for a draft.</summary>
    public string? SubjectLineAsWritten { get; init; }

    public SigningAuthority SigningAuthority { get; init; }

    /// <summary>The form as printed when it is not one of the Party's ("TM.", "T/UQ").</summary>
    public string? SigningAuthorityAsWritten { get; init; }

    public string? SignerBody { get; init; }

    public string? SignerPosition { get; init; }

    public IReadOnlyList<string> Distribution { get; init; } = [];

    public Confidentiality Confidentiality { get; init; }

    public Urgency Urgency { get; init; }

    /// <summary>Preamble, tasks and closing: where the document says what it needs (secrecy, haste).</summary>
    public string? Body { get; init; }

    /// <summary>The earliest task deadline, to tell whether the body calls for an urgency mark.</summary>
    public DateOnly? EarliestDeadline { get; init; }

    public OrganizationKind? IssuerKind { get; init; }
}
