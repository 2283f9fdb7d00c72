using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

public sealed class DetailsModel(AppDbContext db, CurrentUser user) : PageModel
{
    public Directive Directive { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var directive = await db.Directives.AsNoTracking()
            .VisibleTo(db, viewer)
            .Include(d => d.Recipients)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
            .Include(d => d.Distribution)
            .Include(d => d.References)
            .Include(d => d.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null)
        {
            return NotFound();
        }

        Directive = directive;
        var organizationIds = directive.Tasks
            .SelectMany(t => t.Coordinators.Select(c => c.OrganizationId).Append(t.LeadOrganizationId ?? Guid.Empty))
            .Where(g => g != Guid.Empty)
            .Distinct()
            .ToList();
        OrganizationNames = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return Page();
    }

    public string NameOf(Guid? organizationId) =>
        organizationId is { } id && OrganizationNames.TryGetValue(id, out var name) ? name : string.Empty;
}
