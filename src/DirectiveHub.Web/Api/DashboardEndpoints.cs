using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async Task<Results<Ok<DashboardView>, NotFound>> (Guid? organizationId, DateOnly? from, DateOnly? to, string? type, Guid? issuerId, string? trendBy, AppDbContext db, CurrentUser user, TimeProvider clock, DashboardCache dashboards, CancellationToken cancellationToken) =>
            {
                var today = VietnamTime.Today(clock);
                var (start, end) = DashboardPeriod.Resolve(from is not null && to is not null ? "custom" : "month", from, to, today);
                var view = await dashboards.GetAsync(db, await user.GetViewerAsync(cancellationToken), new DashboardFilter(organizationId ?? user.OrganizationId, start, end, type, issuerId, trendBy), today, cancellationToken);
                return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
            })
            .WithTags("Dashboard")
            .RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Clerk, Roles.Admin));
        return api;
    }
}
