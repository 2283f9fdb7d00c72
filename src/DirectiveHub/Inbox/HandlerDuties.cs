using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Inbox;

/// <summary>
/// "Việc tôi xử lý": the open task assignments of the user's unit that they handle or follow, and those of the
/// colleagues they stand in for today (<see cref="Substitution"/>). For the inbox page.
/// </summary>
public static class HandlerDuties
{
    public const int MaxLines = 50;

    public static async Task<IReadOnlyList<HandlerDuty>> ForAsync(AppDbContext db, Guid userId, Guid organizationId, DateOnly today, CancellationToken cancellationToken)
    {
        var absent = db.Substitutions.Where(Substitution.ActiveOn(today)).Where(s => s.SubstituteUserId == userId).Select(s => s.AbsentUserId);
        return await db.TaskAssignments.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId)
            .Where(TaskAssignmentState.IsOutstanding)
            .Where(t => t.HandlerUserId == userId || t.FollowerUserId == userId || (t.HandlerUserId != null && absent.Contains(t.HandlerUserId.Value)))
            .OrderBy(t => t.Deadline == null ? 1 : 0)
            .ThenBy(t => t.Deadline)
            .Select(t => new HandlerDuty(
                t.DirectiveId,
                t.Id,
                t.Directive!.Number,
                t.Directive.Subject,
                db.DirectiveTasks.Where(d => d.Id == t.TaskId).Select(d => d.Label).First(),
                t.Deadline,
                t.Status,
                t.HandlerUserId != userId && t.FollowerUserId == userId,
                t.HandlerUserId != userId && t.FollowerUserId != userId ? db.Users.Where(u => u.Id == t.HandlerUserId).Select(u => u.FullName).FirstOrDefault() : null))
            .Take(MaxLines)
            .ToListAsync(cancellationToken);
    }
}
