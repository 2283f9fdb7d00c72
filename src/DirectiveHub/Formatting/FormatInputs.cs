using System.Text.RegularExpressions;
using DirectiveHub.Directives;
using DirectiveHub.Import;
using DirectiveHub.Organizations;

namespace DirectiveHub.Formatting;

/// <summary>What the format check reads from a draft in the editor, and from a received document's text.</summary>
public static partial class FormatInputs
{
    /// <summary>A draft or a published directive: the app prints its number and date line itself, so those are not read.</summary>
    /// <param name="today">The date a draft would be issued on (its own date once published).</param>
    public static FormatInput FromDirective(Directive directive, OrganizationKind issuerKind, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return new FormatInput
        {
            IssuedOn = directive.IssuedOn ?? today,
            DocumentType = directive.DocumentType,
            Subject = directive.Subject,
            SigningAuthority = directive.Signer.Authority,
            SignerBody = directive.Signer.Body,
            SignerPosition = directive.Signer.Position,
            Distribution = directive.Distribution.OrderBy(d => d.Position)
                .Select(d => string.Equals(d.Purpose, "Lưu", StringComparison.OrdinalIgnoreCase) ? $"Lưu: {d.Text}" : d.Text).ToList(),
            Confidentiality = directive.Confidentiality,
            Urgency = directive.Urgency,
            Body = string.Join('\n', [directive.Preamble, .. directive.Tasks.Select(t => t.Text), directive.Closing]),
            EarliestDeadline = directive.Tasks.Where(t => t.Deadline is not null).Min(t => t.Deadline),
            IssuerKind = issuerKind,
        };
    }

    /// <summary>A received document: the fields the parser found, and the number, date and subject lines as printed.</summary>
    /// <param name="issuerKind">The issuer's kind when it is known; otherwise read from its printed name.</param>
    public static FormatInput FromImport(ParsedDirective parsed, string text, OrganizationKind? issuerKind = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim().Trim('"', '“', '”', '*').Trim()).ToList();
        var subjectLine = parsed.DocumentType == "CV"
            ? lines.FirstOrDefault(l => l.StartsWith("V/v", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Về ", StringComparison.Ordinal))
                ?? (parsed.Subject is { } s ? lines.FirstOrDefault(l => l.Length > 0 && s.StartsWith(l, StringComparison.Ordinal)) : null)
            : lines.FirstOrDefault(l => l.StartsWith("V/v", StringComparison.OrdinalIgnoreCase));
        return new FormatInput
        {
            IssuedOn = parsed.IssuedOn,
            DocumentType = parsed.DocumentType,
            NumberAsWritten = NumberLine().Match(text) is { Success: true } number ? number.Groups["n"].Value : null,
            DateLineAsWritten = lines.FirstOrDefault(l => DateLine().IsMatch(l)),
            Subject = parsed.Subject,
            SubjectLineAsWritten = subjectLine,
            SigningAuthority = SigningAuthorityText.FromPrinted(parsed.Signer.Authority),
            SigningAuthorityAsWritten = parsed.Signer.Authority,
            SignerBody = parsed.Signer.Body,
            SignerPosition = parsed.Signer.Position,
            Distribution = parsed.Distribution,
            Confidentiality = ConfidentialityOf(parsed.Confidentiality),
            Urgency = UrgencyOf(parsed.Urgency),
            Body = string.Join('\n', [parsed.Preamble, .. parsed.Tasks.Select(t => t.Text), parsed.Closing]),
            EarliestDeadline = parsed.Tasks.Where(t => t.Deadline is not null).Min(t => t.Deadline),
            IssuerKind = issuerKind ?? (parsed.Issuer is { } issuer ? OrganizationKinds.FromName(issuer) : null),
        };
    }

    private static Confidentiality ConfidentialityOf(string? mark) =>
        Enum.TryParse<Confidentiality>(mark, ignoreCase: false, out var value) ? value : Confidentiality.None;

    private static Urgency UrgencyOf(string? mark) =>
        Enum.TryParse<Urgency>(mark, ignoreCase: false, out var value) ? value : Urgency.None;

    [GeneratedRegex(@"Số\s*:?\s*(?<n>\d+\s*[-/]\s*[^\s,]+(?:\s*/\s*[^\s,]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
