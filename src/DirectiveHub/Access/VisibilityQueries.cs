using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;

namespace DirectiveHub.Access;

/// <summary>
/// "Who sees what" (DOMAIN.md) as query filters, so every list and every id-bearing route applies the same rule:
/// a unit sees what it issued and what is addressed to it; a committee's clerks and leaders also see its whole subtree;
/// nobody sees another branch; drafts are seen only by the issuer's clerks.
/// </summary>
public static class VisibilityQueries
{
    public static IQueryable<Organization> VisibleTo(this IQueryable<Organization> organizations, Viewer viewer) =>
        viewer.SeesSubtree
            ? organizations.Where(o => o.Path.StartsWith(viewer.OrganizationPath))
            : organizations.Where(o => o.Id == viewer.OrganizationId);

    public static IQueryable<Directive> VisibleTo(this IQueryable<Directive> directives, AppDbContext db, Viewer viewer)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return directives.Where(d =>
            (d.Status == DirectiveStatus.Draft
                ? viewer.IsClerk && d.IssuerId == viewer.OrganizationId
                : units.Contains(d.IssuerId) || db.Assignments.Any(a => a.DirectiveId == d.Id && units.Contains(a.OrganizationId)))
            && (d.Confidentiality == Confidentiality.None
                || d.IssuerId == viewer.OrganizationId
                || db.Assignments.Any(a => a.DirectiveId == d.Id && a.OrganizationId == viewer.OrganizationId)));
    }
}
