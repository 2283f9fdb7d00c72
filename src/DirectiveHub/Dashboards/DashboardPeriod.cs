namespace DirectiveHub.Dashboards;

/// <summary>The dashboard's named periods ("month", "lastmonth", "quarter", "year", "custom") as Vietnam dates.</summary>
public static class DashboardPeriod
{
    /// <summary>The period a preset names on <paramref name="today"/>; an unknown preset or a bad custom range is this month.</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? preset, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return preset switch
        {
            "lastmonth" => (month.AddMonths(-1), month.AddDays(-1)),
            "quarter" => (quarter, quarter.AddMonths(3).AddDays(-1)),
            "year" => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            "custom" when from is { } f && to is { } t && f <= t => (f, t),
            _ => (month, month.AddMonths(1).AddDays(-1)),
        };
    }
}
