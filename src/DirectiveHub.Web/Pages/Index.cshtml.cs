using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages;

/// <summary>
/// Việc cần làm: the home page lists what waits for the signed-in user, by role, each line linking to where it is
/// done. An officer: directives not yet acknowledged, tasks overdue or due within a week. A clerk: the unit's drafts.
/// A leader: the overdue tasks of the directives issued in their subtree.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public const int DueSoonDays = 7;
    public const int MaxLines = 10;

    /// <summary>The leader's figures count every directive since this date (open work has no period).</summary>
    public static readonly DateOnly Beginning = new(1930, 1, 1);

    public string FullName { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public Section<ReceiptLine> Unacknowledged { get; private set; } = new(0, []);

    public Section<TaskLine> Overdue { get; private set; } = new(0, []);

    public Section<TaskLine> DueSoon { get; private set; } = new(0, []);

    public Section<DraftLine> Drafts { get; private set; } = new(0, []);

    public SubtreeFigures? Subtree { get; private set; }

    public bool Receives => User.IsInRole(Roles.Officer);

    public bool Nothing => Unacknowledged.Total + Overdue.Total + DueSoon.Total + Drafts.Total == 0 && Subtree is not { OverdueTasks: > 0 };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FullName = User.FindFirst("dh:name")?.Value ?? string.Empty;
        var org = user.OrganizationId;
        OrganizationName = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        Today = VietnamTime.Today(clock);
        var today = Today;

        if (Receives)
        {
            var receipts = db.Assignments.AsNoTracking().Where(a => a.OrganizationId == org && a.AcknowledgedAt == null);
            Unacknowledged = new Section<ReceiptLine>(
                await receipts.CountAsync(cancellationToken),
                await receipts.OrderByDescending(a => a.IssuedOn)
                    .Join(db.Directives, a => a.DirectiveId, d => d.Id, (a, d) => new ReceiptLine(d.Id, d.Number, d.Subject, a.IssuedOn, a.Urgency))
                    .Take(MaxLines).ToListAsync(cancellationToken));

            // Open and past its deadline, or open and due within the week: the same meaning as the inbox's filter.
            var own = db.TaskAssignments.AsNoTracking().Where(t => t.OrganizationId == org);
            var overdue = own.Where(TaskAssignmentState.IsOverdue(today));
            var soon = own.Where(TaskAssignmentState.IsDueSoon(today, DueSoonDays));
            Overdue = new Section<TaskLine>(await overdue.CountAsync(cancellationToken), await TaskLinesAsync(overdue, cancellationToken));
            DueSoon = new Section<TaskLine>(await soon.CountAsync(cancellationToken), await TaskLinesAsync(soon, cancellationToken));
        }

        if (User.IsInRole(Roles.Clerk))
        {
            var drafts = db.Directives.AsNoTracking().Where(d => d.Status == DirectiveStatus.Draft && d.IssuerId == org);
            Drafts = new Section<DraftLine>(
                await drafts.CountAsync(cancellationToken),
                await drafts.OrderByDescending(d => d.UpdatedAt).Select(d => new DraftLine(d.Id, d.DocumentType, d.Subject, d.UpdatedAt)).Take(MaxLines).ToListAsync(cancellationToken));
        }

        if (User.IsInRole(Roles.Leader))
        {
            var viewer = await user.GetViewerAsync(cancellationToken);
            // The dashboard's own selection and meaning of overdue, so the figure and the list it links to agree.
            var tasks = DashboardQuery.Directives(db, viewer.OrganizationPath, new DashboardFilter(org, Beginning, today))
                .SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id))
                .Where(TaskAssignmentState.IsOverdue(today));
            Subtree = new SubtreeFigures(
                await tasks.CountAsync(cancellationToken),
                await tasks.Select(t => t.OrganizationId).Distinct().CountAsync(cancellationToken));
        }
    }

    private async Task<List<TaskLine>> TaskLinesAsync(IQueryable<TaskAssignment> tasks, CancellationToken cancellationToken) =>
        await (from t in tasks
               join task in db.DirectiveTasks on t.TaskId equals task.Id
               join d in db.Directives on t.DirectiveId equals d.Id
               orderby t.Deadline, d.Number
               select new TaskLine(d.Id, d.Number, task.Label, task.Text, t.Deadline!.Value))
            .Take(MaxLines).ToListAsync(cancellationToken);

    public sealed record Section<T>(int Total, IReadOnlyList<T> Lines);

    public sealed record ReceiptLine(Guid DirectiveId, string? Number, string Subject, DateOnly? IssuedOn, Urgency Urgency);

    public sealed record TaskLine(Guid DirectiveId, string? Number, string Label, string Text, DateOnly Deadline);

    public sealed record DraftLine(Guid Id, string DocumentType, string Subject, DateTime UpdatedAt);

    public sealed record SubtreeFigures(int OverdueTasks, int LateUnits);
}
