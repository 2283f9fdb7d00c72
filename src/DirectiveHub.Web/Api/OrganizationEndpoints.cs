using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

public static class OrganizationEndpoints
{
    public sealed record OrganizationSummary(Guid Id, string Code, string Name, string Kind, Guid? ParentId);

    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations", async (CurrentUser user, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var viewer = await user.GetViewerAsync(cancellationToken);
            var organizations = await db.Organizations.AsNoTracking()
                .VisibleTo(viewer)
                .OrderBy(o => o.Path)
                .Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, o.Kind.ToString(), o.ParentId))
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(organizations);
        }).WithTags("Organizations");
        return api;
    }
}
