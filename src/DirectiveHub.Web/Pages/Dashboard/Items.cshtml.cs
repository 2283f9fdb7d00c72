using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Dashboard;

/// <summary>The task assignments behind a number of the dashboard.</summary>
public sealed class ItemsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "all";

    [BindProperty(SupportsGet = true)]
    public DateOnly From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Issuer { get; set; }

    /// <summary>With <see cref="Unit"/>: the unit and every unit beneath it (a subtotal of the tree).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Below { get; set; }

    /// <summary>Only this directive's task assignments (a cell of the heat map, a row of the by-directive view).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Directive { get; set; }

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var root = await db.Organizations.AsNoTracking().VisibleTo(viewer).Where(o => o.Id == (Org ?? user.OrganizationId)).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
        if (root is null || !viewer.SeesSubtree)
        {
            return NotFound();
        }

        var today = VietnamTime.Today(clock);
        var directives = DashboardQuery.Directives(db, root, new DashboardFilter(Org ?? user.OrganizationId, From, To, Type, Issuer));
        if (Directive is { } directive)
        {
            directives = directives.Where(d => d.Id == directive);
        }

        var tasks = directives.SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id)).AsNoTracking();
        if (Unit is { } unit && Below)
        {
            var unitPath = db.Organizations.Where(o => o.Id == unit).Select(o => o.Path);
            tasks = tasks.Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && unitPath.Any(p => o.Path.StartsWith(p))));
        }
        else if (Unit is { } only)
        {
            tasks = tasks.Where(t => t.OrganizationId == only);
        }

        tasks = Status switch
        {
            "done" => tasks.Where(t => t.Status == ProgressStatus.Done),
            "doneLate" => tasks.Where(t => t.Status == ProgressStatus.DoneLate),
            "overdue" => tasks.Where(t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Deadline != null && t.Deadline < today),
            "open" => tasks.Where(t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && (t.Deadline == null || t.Deadline >= today)),
            _ => tasks,
        };
        Items = await (
                from t in tasks
                join task in db.DirectiveTasks on t.TaskId equals task.Id
                join d in db.Directives on t.DirectiveId equals d.Id
                join o in db.Organizations on t.OrganizationId equals o.Id
                orderby t.Deadline, d.Number
                select new Item(d.Id, d.Number, task.Label, task.Text, o.Name, t.Role, t.Deadline, t.Status, t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Deadline != null && t.Deadline < today))
            .Take(500)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Item(Guid DirectiveId, string? Number, string Label, string Text, string Unit, AssignmentRole Role, DateOnly? Deadline, ProgressStatus Status, bool Overdue);
}
