namespace DirectiveHub.Formatting;

/// <summary>One rule of the Party's document format: what it asks, which field it concerns and where it is written.</summary>
/// <param name="Id">Stable identifier, used by the API and in tests ("number.leading-zero").</param>
/// <param name="Field">The part of the document the warning is shown beside: number, date, subject, signer, distribution, marks, type.</param>
public sealed record FormatRule(string Id, string Field, string Rule);
