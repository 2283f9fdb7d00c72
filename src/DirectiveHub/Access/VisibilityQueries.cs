using System.Linq.Expressions;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Organizations;

namespace DirectiveHub.Access;

/// <summary>
/// "Who sees what" (DOMAIN.md) as query filters, so every list and every id-bearing route applies the same rule:
/// a unit sees what it issued and what is addressed to it; a committee's clerks and leaders also see its whole subtree;
/// nobody sees another branch; drafts are seen only by the issuer's clerks.
/// <para>Confidential directives (mật, tối mật, tuyệt mật): their content (subject, preamble, task text, attachments,
/// reports, evidence) reaches only members of the issuing unit and of its direct recipients. Everyone else, committees
/// above and administrators included, gets 404 on every id route; lists and figures count them without content, under
/// their number and <see cref="ConfidentialPlaceholder"/> (<see cref="ContentVisibleTo"/>).</para>
/// </summary>
public static class VisibilityQueries
{
    /// <summary>What lists, dashboards, exports and feeds show instead of a confidential directive's subject or task text.</summary>
    public const string ConfidentialPlaceholder = "Văn bản mật";

    /// <summary>The units whose figures the viewer may see: the own unit, and for committees the whole subtree.</summary>
    public static IQueryable<Organization> VisibleTo(this IQueryable<Organization> organizations, Viewer viewer) =>
        viewer.SeesSubtree
            ? organizations.Where(o => o.Path.StartsWith(viewer.OrganizationPath))
            : organizations.Where(o => o.Id == viewer.OrganizationId);

    /// <summary>The directives the viewer may open and read in full (every id-bearing route uses this).</summary>
    public static IQueryable<Directive> VisibleTo(this IQueryable<Directive> directives, AppDbContext db, Viewer viewer)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return directives
            .Where(d => d.Status == DirectiveStatus.Draft
                ? viewer.IsClerk && d.IssuerId == viewer.OrganizationId
                : units.Contains(d.IssuerId) || db.Assignments.Any(a => a.DirectiveId == d.Id && units.Contains(a.OrganizationId)))
            .Where(ContentVisibleTo(db, viewer));
    }

    /// <summary>
    /// The published directives the viewer follows as issuer or as a committee above the issuer (the tracking page and
    /// its API), read in full: a confidential directive of a unit below is not among them.
    /// </summary>
    public static IQueryable<Directive> TrackedBy(this IQueryable<Directive> directives, AppDbContext db, Viewer viewer)
    {
        if (!viewer.SeesSubtree)
        {
            return directives.Where(_ => false);
        }

        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return directives.VisibleTo(db, viewer).Where(d => d.Status != DirectiveStatus.Draft && units.Contains(d.IssuerId));
    }

    /// <summary>
    /// Whether the viewer may read a directive's content: it is not confidential, or the viewer's unit issued it or is
    /// one of its direct recipients. Lists and figures that count directives beyond that show
    /// <see cref="ConfidentialPlaceholder"/> where this is false.
    /// </summary>
    public static Expression<Func<Directive, bool>> ContentVisibleTo(AppDbContext db, Viewer viewer)
    {
        var organizationId = viewer.OrganizationId;
        return d => d.Confidentiality == Confidentiality.None
            || d.IssuerId == organizationId
            || db.Assignments.Any(a => a.DirectiveId == d.Id && a.OrganizationId == organizationId);
    }

    /// <summary>The same rule in memory, for a directive already loaded with its receipts.</summary>
    public static bool ContentVisibleTo(this Directive directive, Viewer viewer) =>
        directive.Confidentiality == Confidentiality.None
        || directive.IssuerId == viewer.OrganizationId
        || directive.Assignments.Any(a => a.OrganizationId == viewer.OrganizationId);
}
