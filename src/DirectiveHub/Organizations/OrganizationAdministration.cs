using System.Text.Json;
using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>An administrator adds units to the tree, one by one or from a CSV file: the admin page and /api/admin alike.</summary>
public static class OrganizationAdministration
{
    public static async Task<CsvImportResult> CreateAsync(AppDbContext db, Viewer viewer, Actor actor, NewOrganization unit, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var result = await OrganizationCsv.CreateAsync(db, unit, await ScopePathAsync(db, viewer, cancellationToken), DateOnly.FromDateTime(Time.VietnamTime.ToVietnam(nowUtc)), cancellationToken);
        if (result.Succeeded)
        {
            Audit(db, actor, new { Code = unit.Code.Trim().ToUpperInvariant(), unit.Name, Parent = unit.ParentCode }, nowUtc);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public static async Task<CsvImportResult> ImportCsvAsync(AppDbContext db, Viewer viewer, Actor actor, string text, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var result = await OrganizationCsv.ImportAsync(db, text, await ScopePathAsync(db, viewer, cancellationToken), DateOnly.FromDateTime(Time.VietnamTime.ToVietnam(nowUtc)), cancellationToken);
        if (result.Succeeded)
        {
            Audit(db, actor, new { Imported = result.Created }, nowUtc);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>An administrator at the root of the tree may add new roots; any other only beneath their own unit.</summary>
    private static async Task<string?> ScopePathAsync(AppDbContext db, Viewer viewer, CancellationToken cancellationToken) =>
        await db.Organizations.AnyAsync(o => o.Id == viewer.OrganizationId && o.ParentId == null, cancellationToken) ? null : viewer.OrganizationPath;

    private static void Audit(AppDbContext db, Actor actor, object details, DateTime nowUtc) =>
        db.AuditEvents.Add(new AuditEvent(AuditActions.Created, nameof(Organization), null, actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, JsonSerializer.Serialize(details), nowUtc));
}
