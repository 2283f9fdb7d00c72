namespace DirectiveHub.Dashboards;

public sealed record IssuerOption(Guid Id, string Name);
