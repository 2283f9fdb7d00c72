using System.Text.RegularExpressions;
using DirectiveHub.Directives;

namespace DirectiveHub.Import;

/// <summary>Turns what the parser read into draft content, matching recipients to units where it can.</summary>
public static partial class ParsedDirectiveContent
{
    /// <param name="findRecipient">The unit a "Kính gửi" line names, or null to keep it as free text.</param>
    public static DirectiveContent ToContent(ParsedDirective parsed, Func<string, Guid?> findRecipient, IEnumerable<RecipientContent>? extraRecipients = null)
    {
        var recipients = (extraRecipients ?? []).ToList();
        foreach (var text in parsed.Recipients)
        {
            var unit = findRecipient(text);
            if (unit is null || recipients.All(r => r.OrganizationId != unit))
            {
                recipients.Add(new RecipientContent(unit, text));
            }
        }

        return new DirectiveContent
        {
            DocumentType = DocumentType.IsKnown(parsed.DocumentType) ? parsed.DocumentType! : "CV",
            Subject = parsed.Subject ?? string.Empty,
            Place = parsed.Place,
            Urgency = Enum.TryParse<Urgency>(parsed.Urgency, out var urgency) ? urgency : Urgency.None,
            Confidentiality = Enum.TryParse<Confidentiality>(parsed.Confidentiality, out var confidentiality) ? confidentiality : Confidentiality.None,
            Preamble = parsed.Preamble,
            Closing = parsed.Closing,
            Recipients = recipients,
            Tasks = parsed.Tasks.Select(t => new TaskContent(
                    t.Text,
                    t.Deadline,
                    null,
                    [],
                    t.Subtasks.Select(s => new TaskContent(Flatten(s), s.Deadline, null, [], [], OneKind(s))).ToList(),
                    OneKind(t)))
                .ToList(),
            Distribution = parsed.Distribution.Select(Distribution).ToList(),
            Signer = new Signer(SigningAuthorityText.FromPrinted(parsed.Signer.Authority), parsed.Signer.Body, parsed.Signer.Position, parsed.Signer.Name),
            References = parsed.References.Select(r => new ReferenceContent(null, r.Number)).ToList(),
        };
    }

    /// <summary>"Thường trực Huyện ủy (để báo cáo)" → its text and purpose; "Lưu: VPHU" → "VPHU", "Lưu".</summary>
    public static DistributionContent Distribution(string line)
    {
        if (StoredCopy().Match(line) is { Success: true } stored)
        {
            return new DistributionContent(stored.Groups["text"].Value.Trim(), "Lưu");
        }

        return PurposeSuffix().Match(line) is { Success: true } purpose
            ? new DistributionContent(purpose.Groups["text"].Value.Trim(), purpose.Groups["purpose"].Value.Trim())
            : new DistributionContent(line, null);
    }

    /// <summary>A task naming both a date and a span after receipt keeps the date, the firmer of the two.</summary>
    private static Calendar.ReceiptDeadline? OneKind(ParsedTask task) => task.Deadline is null ? task.DeadlineAfterReceipt : null;

    private static string Flatten(ParsedTask task) =>
        task.Subtasks.Count == 0 ? task.Text : task.Text + "\n" + string.Join("\n", task.Subtasks.Select(s => $"{s.Label} {Flatten(s)}"));

    [GeneratedRegex(@"^Lưu\s*:?\s+(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StoredCopy();

    [GeneratedRegex(@"^(?<text>.+?)\s*\((?<purpose>để[^)]*)\)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PurposeSuffix();
}
