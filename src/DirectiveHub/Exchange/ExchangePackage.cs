using DirectiveHub.Directives;

namespace DirectiveHub.Exchange;

/// <summary>
/// One directive as an edXML message (QCVN 102:2016 header fields): who sends it to whom, its number, place and date of
/// promulgation, type, subject, signer, due date and priority, with its files. <see cref="DocumentId"/> is the
/// issuer's id of the directive, what status messages answer to.
/// </summary>
public sealed record ExchangePackage(
    Guid DocumentId,
    ExchangeUnit From,
    IReadOnlyList<ExchangeUnit> To,
    int CodeNumber,
    string CodeNotation,
    string? Place,
    DateOnly PromulgationDate,
    string DocumentType,
    string Subject,
    string? Content,
    Signer Signer,
    DateOnly? DueDate,
    Urgency Priority,
    IReadOnlyList<ExchangeTask> Tasks,
    IReadOnlyList<ExchangeFile> Files,
    DateTime SentAtUtc)
{
    /// <summary>Number and symbol as printed: "114-CV/HU".</summary>
    public string Number => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CodeNumber:00}-{CodeNotation}");
}
