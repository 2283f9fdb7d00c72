namespace DirectiveHub.Exchange;

/// <summary>
/// A task of the directive, carried in DirectiveHub's extension of the header (edXML has no task list): the receiving
/// instance assigns it to its own units by their exchange codes.
/// </summary>
public sealed record ExchangeTask(string Number, string Text, DateOnly? Deadline, string? LeadUnitCode, IReadOnlyList<string> CoordinatingUnitCodes);
