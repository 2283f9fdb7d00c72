namespace DirectiveHub.Assignments;

/// <summary>
/// One (re)assignment of a task assignment to the officer who handles it inside the receiving unit (người xử lý) and,
/// optionally, the one who follows it (người theo dõi). Kept for good: reassigning adds a row, never edits one.
/// </summary>
public sealed class HandlerChange
{
    private HandlerChange()
    {
    }

    internal HandlerChange(Guid taskAssignmentId, Guid handlerUserId, Guid? followerUserId, Guid assignedById, Guid? onBehalfOfUserId, DateTime assignedAtUtc)
    {
        TaskAssignmentId = taskAssignmentId;
        HandlerUserId = handlerUserId;
        FollowerUserId = followerUserId;
        AssignedById = assignedById;
        OnBehalfOfUserId = onBehalfOfUserId;
        AssignedAt = assignedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskAssignmentId { get; private set; }

    public Guid HandlerUserId { get; private set; }

    public Guid? FollowerUserId { get; private set; }

    public Guid AssignedById { get; private set; }

    /// <summary>The absent user the assigner stood in for ("X thay Y"), if any.</summary>
    public Guid? OnBehalfOfUserId { get; private set; }

    public DateTime AssignedAt { get; private set; }
}
