namespace DirectiveHub.Dashboards;

/// <param name="IssuerId">Only directives issued by this unit (of the subtree).</param>
/// <param name="TrendBy">"month" (default) or "week".</param>
public sealed record DashboardFilter(Guid OrganizationId, DateOnly From, DateOnly To, string? Type = null, Guid? IssuerId = null, string? TrendBy = null)
{
    public bool Weekly => string.Equals(TrendBy, "week", StringComparison.Ordinal);
}
