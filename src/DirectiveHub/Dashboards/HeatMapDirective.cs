namespace DirectiveHub.Dashboards;

public sealed record HeatMapDirective(Guid Id, string? Number, DateOnly? IssuedOn);
