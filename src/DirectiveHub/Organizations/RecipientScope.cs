using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>
/// Who may receive what: the units a directive of an issuer may be addressed to. One rule for the editor, the API
/// and imports.
/// </summary>
public static class RecipientScope
{
    /// <summary>
    /// The issuer's committee subtree (a board's, state body's or mass organisation's committee is its parent),
    /// without the issuer itself and without dissolved units.
    /// </summary>
    public static async Task<IQueryable<Organization>> OfAsync(AppDbContext db, Guid issuerId, CancellationToken cancellationToken)
    {
        var issuer = await db.Organizations.AsNoTracking().Where(o => o.Id == issuerId).Select(o => new { o.Kind, o.Path, o.ParentId }).SingleAsync(cancellationToken);
        var committeePath = issuer.Path;
        if (issuer.Kind is OrganizationKind.CommitteeBoard or OrganizationKind.StateBody or OrganizationKind.MassOrganization && issuer.ParentId is { } parentId)
        {
            committeePath = await db.Organizations.Where(o => o.Id == parentId).Select(o => o.Path).SingleAsync(cancellationToken);
        }

        return db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(committeePath) && o.Id != issuerId && o.DissolvedOn == null);
    }
}
