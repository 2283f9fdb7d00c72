namespace DirectiveHub.Formatting;

/// <summary>A rule the document does not follow, in Vietnamese, with the text that breaks it and the rule's source.</summary>
public sealed record FormatWarning(string RuleId, string Field, string Message, string Source);
