using System.Linq.Expressions;
using DirectiveHub.Directives;

namespace DirectiveHub.Assignments;

/// <summary>
/// The one meaning of a task assignment's state (open, overdue on a Vietnam date, done on time, done late), as query
/// expressions EF Core translates on PostgreSQL and SQLite, and the same rule in memory (<see cref="Of"/>). Every page,
/// endpoint, export, feed, digest and the sweep read these; none writes its own.
/// <para>Overdue on <c>today</c>: not done, the directive in force, and the deadline (a Vietnam date) before
/// <c>today</c>: a task due 04/9/2021 is overdue from 05/9/2021. The sweep's <see cref="TaskAssignment.OverdueFlaggedAt"/>
/// only records that the notices went out; it is not what pages show.</para>
/// <para>Which directive statuses count: work is chased only while its directive is <see cref="DirectiveStatus.Published"/>;
/// finished work keeps counting after the directive is superseded or withdrawn (its history stays); drafts have no
/// task assignments.</para>
/// </summary>
public static class TaskAssignmentState
{
    /// <summary>The directive is in force: its unfinished work is chased.</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> InForce =
        t => t.Directive!.Status == DirectiveStatus.Published;

    public static readonly Expression<Func<TaskAssignment, bool>> IsDone =
        t => t.Status == ProgressStatus.Done || t.Status == ProgressStatus.DoneLate;

    public static readonly Expression<Func<TaskAssignment, bool>> IsDoneOnTime = t => t.Status == ProgressStatus.Done;

    public static readonly Expression<Func<TaskAssignment, bool>> IsDoneLate = t => t.Status == ProgressStatus.DoneLate;

    /// <summary>Open or overdue: still to be done under a directive in force.</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> IsOutstanding =
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Directive!.Status == DirectiveStatus.Published;

    /// <summary>Whether the assignment counts in any figure (<see cref="TaskState.Closed"/> does not).</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> Counts =
        t => t.Status == ProgressStatus.Done || t.Status == ProgressStatus.DoneLate || t.Directive!.Status == DirectiveStatus.Published;

    /// <summary>Outstanding and past its deadline on <paramref name="today"/> (a Vietnam date).</summary>
    public static Expression<Func<TaskAssignment, bool>> IsOverdue(DateOnly today) =>
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Directive!.Status == DirectiveStatus.Published
            && t.Deadline != null && t.Deadline < today;

    /// <summary>Outstanding and not past its deadline (or without one) on <paramref name="today"/>.</summary>
    public static Expression<Func<TaskAssignment, bool>> IsOpen(DateOnly today) =>
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Directive!.Status == DirectiveStatus.Published
            && (t.Deadline == null || t.Deadline >= today);

    /// <summary>Open with a deadline from <paramref name="today"/> to <paramref name="days"/> days later: "sắp đến hạn".</summary>
    public static Expression<Func<TaskAssignment, bool>> IsDueSoon(DateOnly today, int days)
    {
        var last = today.AddDays(days);
        return t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Directive!.Status == DirectiveStatus.Published
            && t.Deadline != null && t.Deadline >= today && t.Deadline <= last;
    }

    /// <summary>The state as a column, for grouped figures: <c>tasks.Select(TaskAssignmentState.On(today))</c>.</summary>
    public static Expression<Func<TaskAssignment, StatedTaskAssignment>> On(DateOnly today) =>
        t => new StatedTaskAssignment
        {
            Id = t.Id,
            DirectiveId = t.DirectiveId,
            TaskId = t.TaskId,
            OrganizationId = t.OrganizationId,
            Role = t.Role,
            Deadline = t.Deadline,
            DaysAfterReceipt = t.DaysAfterReceipt,
            ReceivedOn = t.ReceivedOn,
            Status = t.Status,
            CompletedAt = t.CompletedAt,
            LastReportAt = t.LastReportAt,
            State = t.Status == ProgressStatus.Done ? TaskState.DoneOnTime
                : t.Status == ProgressStatus.DoneLate ? TaskState.DoneLate
                : t.Directive!.Status != DirectiveStatus.Published ? TaskState.Closed
                : t.Deadline != null && t.Deadline < today ? TaskState.Overdue
                : TaskState.Open,
        };

    /// <summary>The same rule in memory, for an assignment whose directive has <paramref name="directiveStatus"/>.</summary>
    public static TaskState Of(TaskAssignment assignment, DirectiveStatus directiveStatus, DateOnly today) =>
        Of(assignment.Status, assignment.Deadline, directiveStatus, today);

    public static TaskState Of(ProgressStatus status, DateOnly? deadline, DirectiveStatus directiveStatus, DateOnly today) => status switch
    {
        ProgressStatus.Done => TaskState.DoneOnTime,
        ProgressStatus.DoneLate => TaskState.DoneLate,
        _ when directiveStatus != DirectiveStatus.Published => TaskState.Closed,
        _ when deadline is { } due && due < today => TaskState.Overdue,
        _ => TaskState.Open,
    };
}
