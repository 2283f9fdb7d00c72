using System.Linq.Expressions;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore.Query;

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

    /// <summary>
    /// Cancelled by the issuer, or refused and passed to another unit: out of every rate, in a column of its own
    /// (<see cref="TaskState.Cancelled"/>).
    /// </summary>
    public static readonly Expression<Func<TaskAssignment, bool>> IsCancelled =
        t => t.Status == ProgressStatus.Cancelled || (t.Status == ProgressStatus.Refused && t.ReassignedToId != null);

    /// <summary>Chờ xác nhận: the unit's result waits for the issuer ("chờ cấp ủy xác nhận").</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> IsAwaitingConfirmation =
        t => t.Status == ProgressStatus.AwaitingConfirmation && t.Directive!.Status == DirectiveStatus.Published;

    /// <summary>The work is the unit's to do ("chờ đơn vị báo cáo"): not started, in progress, blocked or returned.</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> IsWithUnit =
        t => (t.Status == ProgressStatus.NotStarted || t.Status == ProgressStatus.InProgress || t.Status == ProgressStatus.Blocked || t.Status == ProgressStatus.Returned)
            && t.Directive!.Status == DirectiveStatus.Published;

    /// <summary>Open or overdue: still to be done (by the unit, or confirmed by the issuer) under a directive in force.</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> IsOutstanding =
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.Cancelled
            && !(t.Status == ProgressStatus.Refused && t.ReassignedToId != null)
            && t.Directive!.Status == DirectiveStatus.Published;

    /// <summary>Whether the assignment counts in any rate (<see cref="TaskState.Closed"/> and <see cref="TaskState.Cancelled"/> do not).</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> Counts =
        t => t.Status == ProgressStatus.Done || t.Status == ProgressStatus.DoneLate
            || (t.Directive!.Status == DirectiveStatus.Published && t.Status != ProgressStatus.Cancelled && !(t.Status == ProgressStatus.Refused && t.ReassignedToId != null));

    /// <summary>
    /// Outstanding, past its deadline on <paramref name="today"/> (a Vietnam date), and not a result awaiting the
    /// issuer's confirmation.
    /// </summary>
    public static Expression<Func<TaskAssignment, bool>> IsOverdue(DateOnly today) =>
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.Cancelled && t.Status != ProgressStatus.AwaitingConfirmation
            && !(t.Status == ProgressStatus.Refused && t.ReassignedToId != null)
            && t.Directive!.Status == DirectiveStatus.Published
            && t.Deadline != null && t.Deadline < today;

    /// <summary>Outstanding and not overdue on <paramref name="today"/>: in time, without a deadline, or awaiting confirmation.</summary>
    public static Expression<Func<TaskAssignment, bool>> IsOpen(DateOnly today) =>
        t => t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.Cancelled
            && !(t.Status == ProgressStatus.Refused && t.ReassignedToId != null)
            && t.Directive!.Status == DirectiveStatus.Published
            && (t.Deadline == null || t.Deadline >= today || t.Status == ProgressStatus.AwaitingConfirmation);

    /// <summary>In the unit's hands with a deadline from <paramref name="today"/> to <paramref name="days"/> days later: "sắp đến hạn".</summary>
    public static Expression<Func<TaskAssignment, bool>> IsDueSoon(DateOnly today, int days)
    {
        var last = today.AddDays(days);
        return t => (t.Status == ProgressStatus.NotStarted || t.Status == ProgressStatus.InProgress || t.Status == ProgressStatus.Blocked || t.Status == ProgressStatus.Returned)
            && t.Directive!.Status == DirectiveStatus.Published
            && t.Deadline != null && t.Deadline >= today && t.Deadline <= last;
    }

    /// <summary>Outstanding with no deadline at all (and none pending from receipt): "không có hạn".</summary>
    public static readonly Expression<Func<TaskAssignment, bool>> HasNoDeadline =
        t => t.Deadline == null && t.DaysAfterReceipt == null;

    /// <summary>The state as a column, for grouped figures: <c>tasks.Select(TaskAssignmentState.On(today))</c>.</summary>
    public static Expression<Func<TaskAssignment, StatedTaskAssignment>> On(DateOnly today)
    {
        var joined = OnJoined(today);
        var assignment = joined.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(joined.Parameters[1], Expression.Property(assignment, nameof(TaskAssignment.Directive)), joined.Body);
        return Expression.Lambda<Func<TaskAssignment, StatedTaskAssignment>>(body, assignment);
    }

    /// <summary>
    /// <see cref="On"/> for a query that joins the directive itself:
    /// <c>tasks.Join(db.Directives, t =&gt; t.DirectiveId, d =&gt; d.Id, TaskAssignmentState.OnJoined(today))</c>.
    /// Grouped counts over it translate to flat aggregates (COUNT … FILTER); over the navigation of <see cref="On"/>,
    /// EF Core correlates a subquery per counted column, which re-reads the whole history once per group (tens of
    /// seconds on a province, docs/benchmarks.md).
    /// </summary>
    public static Expression<Func<TaskAssignment, Directive, StatedTaskAssignment>> OnJoined(DateOnly today) =>
        (t, directive) => new StatedTaskAssignment
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
            HandlerUserId = t.HandlerUserId,
            FollowerUserId = t.FollowerUserId,
            State = t.Status == ProgressStatus.Done ? TaskState.DoneOnTime
                : t.Status == ProgressStatus.DoneLate ? TaskState.DoneLate
                : t.Status == ProgressStatus.Cancelled || (t.Status == ProgressStatus.Refused && t.ReassignedToId != null) ? TaskState.Cancelled
                : directive.Status != DirectiveStatus.Published ? TaskState.Closed
                : t.Status == ProgressStatus.AwaitingConfirmation ? TaskState.Open
                : t.Deadline != null && t.Deadline < today ? TaskState.Overdue
                : TaskState.Open,
            OriginalDeadline = t.OriginalDeadline,
            ExtensionCount = t.ExtensionCount,
            HasPendingExtension = t.HasPendingExtension,
            UrgingCount = t.UrgingCount,
            ReturnCount = t.ReturnCount,
            Quality = t.Quality,
            Timing = t.Timing,
            SubmittedAt = t.SubmittedAt,
            CancellationReason = t.CancellationReason,
            Version = t.Version,
        };

    /// <summary>The same rule in memory, for an assignment whose directive has <paramref name="directiveStatus"/>.</summary>
    public static TaskState Of(TaskAssignment assignment, DirectiveStatus directiveStatus, DateOnly today) =>
        Of(assignment.Status, assignment.Deadline, directiveStatus, today, assignment.ReassignedToId is not null);

    public static TaskState Of(ProgressStatus status, DateOnly? deadline, DirectiveStatus directiveStatus, DateOnly today, bool reassigned = false) => status switch
    {
        ProgressStatus.Done => TaskState.DoneOnTime,
        ProgressStatus.DoneLate => TaskState.DoneLate,
        ProgressStatus.Cancelled => TaskState.Cancelled,
        ProgressStatus.Refused when reassigned => TaskState.Cancelled,
        _ when directiveStatus != DirectiveStatus.Published => TaskState.Closed,
        ProgressStatus.AwaitingConfirmation => TaskState.Open,
        _ when deadline is { } due && due < today => TaskState.Overdue,
        _ => TaskState.Open,
    };

    /// <summary>
    /// A whole task's state, from its assignments' states: the lead's. Coordinating units report to the lead, so the task
    /// is done when the lead's result is accepted (late when a lead's was late), whatever the coordinators' state; it is
    /// cancelled when every assignment is; otherwise it is open, or overdue when a lead is.
    /// </summary>
    public static TaskState OfTask(IEnumerable<(AssignmentRole Role, TaskState State)> assignments)
    {
        var all = assignments.ToList();
        if (all.Count > 0 && all.TrueForAll(a => a.State == TaskState.Cancelled))
        {
            return TaskState.Cancelled;
        }

        // A task keeps a lead while it is open (TaskAssignment.EnsureLeadRemains); should none be left, the rest decide.
        var leads = all.Where(a => a.Role == AssignmentRole.Lead && a.State != TaskState.Cancelled).ToList();
        var deciding = leads.Count > 0 ? leads : all.Where(a => a.State != TaskState.Cancelled).ToList();
        if (deciding.Count == 0)
        {
            return TaskState.Open;
        }

        if (deciding.TrueForAll(a => a.State is TaskState.DoneOnTime or TaskState.DoneLate))
        {
            return deciding.Exists(a => a.State == TaskState.DoneLate) ? TaskState.DoneLate : TaskState.DoneOnTime;
        }

        return deciding.Exists(a => a.State == TaskState.Overdue) ? TaskState.Overdue
            : deciding.Exists(a => a.State == TaskState.Closed) ? TaskState.Closed
            : TaskState.Open;
    }

    /// <summary>
    /// The deadline as users read it beside the state: "quá hạn", "sắp đến hạn" (within <paramref name="reminderDays"/>),
    /// "không có hạn", or in time. Only work in the unit's hands is read against its deadline.
    /// </summary>
    public static DeadlineReading ReadDeadline(ProgressStatus status, DateOnly? deadline, bool deadlinePending, DirectiveStatus directiveStatus, DateOnly today, int reminderDays)
    {
        var withUnit = status is ProgressStatus.NotStarted or ProgressStatus.InProgress or ProgressStatus.Blocked or ProgressStatus.Returned;
        if (!withUnit || directiveStatus != DirectiveStatus.Published)
        {
            return DeadlineReading.NotApplicable;
        }

        return deadline switch
        {
            null => deadlinePending ? DeadlineReading.InTime : DeadlineReading.NoDeadline,
            { } due when due < today => DeadlineReading.Overdue,
            { } due when due <= today.AddDays(reminderDays) => DeadlineReading.DueSoon,
            _ => DeadlineReading.InTime,
        };
    }
}
