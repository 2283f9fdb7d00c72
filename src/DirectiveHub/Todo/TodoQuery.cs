using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Todo;

/// <summary>
/// The home page's to-do list, by role, each line leading to where it is done. An officer: directives not yet
/// acknowledged, tasks overdue or due soon, results returned, answers to extension requests. A clerk: drafts, results
/// awaiting the unit's confirmation, extension requests and refusals to decide. A leader: the overdue tasks of the
/// subtree and the special-red items their own level must decide.
/// </summary>
public sealed class TodoQuery(AppDbContext db, ExceptionList exceptions)
{
    public const int DueSoonDays = 7;
    public const int MaxLines = 10;

    /// <summary>How long an answer to an extension request stays on the list.</summary>
    public const int AnswerDays = 7;

    /// <summary>The leader's figures count every directive since this date (open work has no period).</summary>
    public static readonly DateOnly Beginning = new(1930, 1, 1);

    public async Task<TodoList> LoadAsync(Viewer viewer, bool officer, bool clerk, bool leader, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var org = viewer.OrganizationId;
        var list = new TodoList();
        if (officer)
        {
            var receipts = db.Assignments.AsNoTracking().Where(a => a.OrganizationId == org && a.AcknowledgedAt == null);
            var own = db.TaskAssignments.AsNoTracking().Where(t => t.OrganizationId == org);
            var since = DateTime.SpecifyKind(today.AddDays(-AnswerDays).ToDateTime(TimeOnly.MinValue).AddHours(-7), DateTimeKind.Utc);
            var answers = own.Where(t => db.ExtensionRequests.Any(r => r.TaskAssignmentId == t.Id && r.Decision != ExtensionDecision.Pending && r.DecidedAt >= since));
            list = list with
            {
                Unacknowledged = new(
                    await receipts.CountAsync(cancellationToken),
                    await receipts.OrderByDescending(a => a.IssuedOn)
                        .Join(db.Directives, a => a.DirectiveId, d => d.Id, (a, d) => new ReceiptLine(d.Id, d.Number, d.Subject, a.IssuedOn, a.Urgency))
                        .Take(MaxLines).ToListAsync(cancellationToken)),

                // Open and past its deadline, or open and due within the week: the same meaning as the inbox's filter.
                Overdue = await SectionAsync(own.Where(TaskAssignmentState.IsOverdue(today)), cancellationToken),
                DueSoon = await SectionAsync(own.Where(TaskAssignmentState.IsDueSoon(today, DueSoonDays)), cancellationToken),
                Returned = await SectionAsync(own.Where(t => t.Status == ProgressStatus.Returned), cancellationToken),
                ExtensionAnswers = await SectionAsync(answers, cancellationToken, extensionNote: true),
            };
        }

        if (clerk)
        {
            var drafts = db.Directives.AsNoTracking().Where(d => d.Status == DirectiveStatus.Draft && d.IssuerId == org);
            var issued = db.TaskAssignments.AsNoTracking().Where(t => db.Directives.Any(d => d.Id == t.DirectiveId && d.IssuerId == org && d.Status == DirectiveStatus.Published));
            list = list with
            {
                Drafts = new(
                    await drafts.CountAsync(cancellationToken),
                    await drafts.OrderByDescending(d => d.UpdatedAt).Select(d => new DraftLine(d.Id, d.DocumentType, d.Subject, d.UpdatedAt)).Take(MaxLines).ToListAsync(cancellationToken)),
                AwaitingConfirmation = await SectionAsync(issued.Where(t => t.Status == ProgressStatus.AwaitingConfirmation), cancellationToken, withUnit: true),
                ExtensionRequests = await SectionAsync(issued.Where(t => db.ExtensionRequests.Any(r => r.TaskAssignmentId == t.Id && r.Decision == ExtensionDecision.Pending)), cancellationToken, withUnit: true, extensionNote: true),
                Refusals = await SectionAsync(issued.Where(t => t.Status == ProgressStatus.Refused && t.ReassignedToId == null), cancellationToken, withUnit: true),
            };
        }

        if (leader)
        {
            // The dashboard's own selection and meaning of overdue, so the figure and the list it links to agree.
            var tasks = DashboardQuery.Directives(db, viewer.OrganizationPath, new DashboardFilter(org, Beginning, today))
                .SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id))
                .Where(TaskAssignmentState.IsOverdue(today));
            list = list with
            {
                Subtree = new SubtreeFigures(
                    await tasks.CountAsync(cancellationToken),
                    await tasks.Select(t => t.OrganizationId).Distinct().CountAsync(cancellationToken),
                    await exceptions.CountToDecideAsync(viewer, org, cancellationToken) ?? 0),
            };
        }

        return list;
    }

    private async Task<TodoSection<TaskLine>> SectionAsync(IQueryable<TaskAssignment> tasks, CancellationToken cancellationToken, bool withUnit = false, bool extensionNote = false)
    {
        var lines = await (from t in tasks
                           join task in db.DirectiveTasks on t.TaskId equals task.Id
                           join d in db.Directives on t.DirectiveId equals d.Id
                           join unit in db.Organizations on t.OrganizationId equals unit.Id
                           orderby t.Deadline, d.Number
                           select new
                           {
                               d.Id,
                               d.Number,
                               task.Label,
                               task.Text,
                               t.Deadline,
                               Unit = unit.Name,
                               Proposed = db.ExtensionRequests.Where(r => r.TaskAssignmentId == t.Id).OrderByDescending(r => r.RequestedAt).Select(r => (DateOnly?)r.ProposedDeadline).FirstOrDefault(),
                               Decision = db.ExtensionRequests.Where(r => r.TaskAssignmentId == t.Id).OrderByDescending(r => r.RequestedAt).Select(r => (ExtensionDecision?)r.Decision).FirstOrDefault(),
                           })
            .Take(MaxLines).ToListAsync(cancellationToken);
        return new TodoSection<TaskLine>(
            await tasks.CountAsync(cancellationToken),
            lines.Select(l => new TaskLine(l.Id, l.Number, l.Label, l.Text, l.Deadline, withUnit ? l.Unit : null, extensionNote && l.Proposed is { } proposed ? ExtensionNote(proposed, l.Decision ?? ExtensionDecision.Pending) : null)).ToList());
    }

    private static string ExtensionNote(DateOnly proposed, ExtensionDecision decision) => decision switch
    {
        ExtensionDecision.Approved => $"Đồng ý gia hạn đến {Time.VietnamTime.ShortDate(proposed)}",
        ExtensionDecision.Refused => $"Không đồng ý gia hạn đến {Time.VietnamTime.ShortDate(proposed)}",
        _ => $"Xin gia hạn đến {Time.VietnamTime.ShortDate(proposed)}",
    };
}
