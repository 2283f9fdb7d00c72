using System.Linq.Expressions;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Registers;

/// <summary>
/// What counts as a task's accepted result, for the follow-up register ("số, ngày văn bản trả lời / kết quả") and the
/// periodic reports' done-on-time and done-late figures: the ONE place that reads it. A task assignment is done only
/// when its issuer accepted the result; the result is the document the unit reported it with (number and date), or,
/// for a result of evidence files only, the day it was submitted.
/// </summary>
public static class AcceptedResults
{
    public static readonly Expression<Func<TaskAssignment, bool>> IsDone = TaskAssignmentState.IsDone;

    public static readonly Expression<Func<TaskAssignment, bool>> IsDoneOnTime = TaskAssignmentState.IsDoneOnTime;

    public static readonly Expression<Func<TaskAssignment, bool>> IsDoneLate = TaskAssignmentState.IsDoneLate;

    /// <summary>Done at or before <paramref name="endUtc"/> (exclusive), as of that instant.</summary>
    public static Expression<Func<TaskAssignment, bool>> DoneBefore(DateTime endUtc) =>
        t => (t.Status == ProgressStatus.Done || t.Status == ProgressStatus.DoneLate) && t.CompletedAt < endUtc;

    /// <summary>Done within [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static Expression<Func<TaskAssignment, bool>> DoneBetween(DateTime fromUtc, DateTime toUtc) =>
        t => (t.Status == ProgressStatus.Done || t.Status == ProgressStatus.DoneLate) && t.CompletedAt >= fromUtc && t.CompletedAt < toUtc;

    /// <summary>The same rule in memory: whether the task was done before <paramref name="endUtc"/>, and whether late.</summary>
    public static bool IsDoneBefore(ProgressStatus status, DateTime? completedAt, DateTime endUtc) =>
        TaskAssignmentState.Of(status, null, DirectiveStatus.Published, default) is TaskState.DoneOnTime or TaskState.DoneLate && completedAt < endUtc;

    public static bool IsLate(ProgressStatus status) => TaskAssignmentState.Of(status, null, DirectiveStatus.Published, default) == TaskState.DoneLate;

    /// <summary>The result of each done task assignment among <paramref name="taskAssignmentIds"/>: number (when known) and Vietnam date.</summary>
    public static async Task<Dictionary<Guid, (string? Number, DateOnly Date)>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> taskAssignmentIds, CancellationToken cancellationToken)
    {
        var done = await db.TaskAssignments.AsNoTracking()
            .Where(t => taskAssignmentIds.Contains(t.Id))
            .Where(IsDone)
            .Select(t => new
            {
                t.Id,
                t.CompletedAt,
                Result = db.ProgressReports
                    .Where(r => r.TaskAssignmentId == t.Id && r.Status == ProgressStatus.AwaitingConfirmation)
                    .OrderByDescending(r => r.ReportedAt)
                    .Select(r => new { r.ResultNumber, r.ResultIssuedOn })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return done.Where(t => t.CompletedAt is not null)
            .ToDictionary(t => t.Id, t => (t.Result?.ResultNumber, t.Result?.ResultIssuedOn ?? DateOnly.FromDateTime(VietnamTime.ToVietnam(t.CompletedAt!.Value))));
    }
}
