namespace DirectiveHub.Dashboards;

/// <summary>The figures of a dashboard. Immutable, so the cache hands out the same instance without copying it.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record DashboardView(
    Guid OrganizationId,
    string OrganizationName,
    DateOnly From,
    DateOnly To,
    int Directives,
    TaskAssignmentCounts TaskAssignments,
    double? OnTimeRate,
    double? AcknowledgmentRate,
    double? MedianHoursToAcknowledge,
    IReadOnlyList<UnitRow> Units)
{
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];

    public IReadOnlyList<OverdueItem> OldestOverdue { get; init; } = [];

    public IReadOnlyList<TreeRow> Tree { get; init; } = [];

    public HeatMap? HeatMap { get; init; }

    /// <summary>Per unit: awaiting confirmation (and since when), returned, cancelled, no deadline, due soon, extensions, urgings, quality.</summary>
    public IReadOnlyList<LifecycleRow> Lifecycle { get; init; } = [];

    /// <summary>"Nhiệm vụ đơn vị được giao": what the unit and the units beneath it were assigned, by any issuer.</summary>
    public ReceivedFigures Received { get; init; } = new(new TaskAssignmentCounts(0, 0, 0, 0, 0), 0, null);

    /// <summary>The units of the subtree that issued directives in the period, for the issuer filter (whatever the filter).</summary>
    public IReadOnlyList<IssuerOption> Issuers { get; init; } = [];

    /// <summary>When the figures were computed (UTC); they may be up to Dashboard:CacheSeconds old.</summary>
    public DateTime ComputedAt { get; init; }
}
