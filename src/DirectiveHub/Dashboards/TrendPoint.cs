namespace DirectiveHub.Dashboards;

/// <summary>One month or week (from <paramref name="Start"/>) of the trend: directives issued then and how their task assignments stand today.</summary>
public sealed record TrendPoint(DateOnly Start, int Directives, int Done, int DoneLate, int Overdue);
