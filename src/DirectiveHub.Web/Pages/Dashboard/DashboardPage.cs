using DirectiveHub.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>The filter every dashboard page reads from its address: unit, period (preset or custom), type, issuer.</summary>
public abstract class DashboardPage : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Preset { get; set; } = "month";

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Issuer { get; set; }

    public static (DateOnly From, DateOnly To) Period(string preset, DateOnly? from, DateOnly? to, DateOnly today)
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

    /// <summary>Resolves the period into <see cref="From"/> and <see cref="To"/> (shown back in the form) and builds the filter.</summary>
    protected DashboardFilter Filter(Guid ownOrganization, TimeProvider clock, string? trendBy = null)
    {
        (From, To) = Period(Preset, From, To, VietnamTime.Today(clock));
        return new DashboardFilter(Org ?? ownOrganization, From.Value, To.Value, Type, Issuer, trendBy);
    }
}
