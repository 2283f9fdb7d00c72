namespace DirectiveHub.Directives;

public sealed record DistributionContent(string Text, string? Purpose);
