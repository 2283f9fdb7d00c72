using DirectiveHub.Time;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Shared;

/// <summary>
/// What a coordinating unit last reported, in one line beside the lead's task: its result document, else when it
/// reported and its note, else that it has not reported. The tracking page and the lead's inbox say it alike.
/// </summary>
public static class CoordinatorResultText
{
    public static string Of(IStringLocalizer l, string? resultNumber, DateOnly? resultIssuedOn, DateTime? reportedAt, string? note) =>
        resultNumber is { } number && resultIssuedOn is { } issuedOn ? l["ResultLine", number, VietnamTime.ShortDate(issuedOn)].Value
        : reportedAt is { } at ? VietnamTime.ShortDateTime(at) + (note is null ? string.Empty : $" — {note}")
        : l["CoordinatorNoReport"].Value;
}
