namespace DirectiveHub.Exchange;

/// <param name="Applied">False when the same status from the same unit had been received before.</param>
public sealed record StatusApplyResult(Guid DirectiveId, string UnitCode, string StatusCode, bool Applied);
