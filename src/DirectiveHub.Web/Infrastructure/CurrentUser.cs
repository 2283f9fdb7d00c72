using System.Security.Claims;
using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>The signed-in user of this request, resolved once: their organization bounds everything they see.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, AppDbContext db)
{
    public const string OrganizationClaim = "dh:org";

    private Viewer? _viewer;

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public Guid OrganizationId => Guid.TryParse(Principal.FindFirstValue(OrganizationClaim), out var id) ? id : Guid.Empty;

    public string? Email => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>Who acts in this request, for the domain's services and their audit events.</summary>
    public Directives.Actor Actor => new(Id, Email, OrganizationId, accessor.HttpContext?.Connection.RemoteIpAddress?.ToString());

    /// <summary>Committees' clerks, leaders and administrators follow the units beneath them; officers see their own.</summary>
    public bool SeesSubtree => IsInRole(Roles.Clerk) || IsInRole(Roles.Leader) || IsInRole(Roles.Admin);

    public async Task<Viewer> GetViewerAsync(CancellationToken cancellationToken = default)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        var organizationId = OrganizationId;
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The signed-in user has no organization.");
        _viewer = new Viewer(Id, organizationId, path, SeesSubtree, IsInRole(Roles.Clerk));
        return _viewer;
    }
}
