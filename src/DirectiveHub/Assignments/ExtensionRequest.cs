namespace DirectiveHub.Assignments;

/// <summary>
/// Xin gia hạn: a unit asks its issuer for a new deadline, with a reason. Decided once (approved or refused with a
/// reason) through <see cref="TaskAssignment.DecideExtension"/>; the deadline in force moves only on approval.
/// </summary>
public sealed class ExtensionRequest
{
    public const int MaxReasonLength = 2000;

    private ExtensionRequest()
    {
        Reason = null!;
    }

    internal ExtensionRequest(Guid taskAssignmentId, DateOnly? currentDeadline, DateOnly proposedDeadline, string reason, Guid requestedById, DateTime requestedAtUtc)
    {
        TaskAssignmentId = taskAssignmentId;
        CurrentDeadline = currentDeadline;
        ProposedDeadline = proposedDeadline;
        Reason = reason;
        RequestedById = requestedById;
        RequestedAt = requestedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskAssignmentId { get; private set; }

    /// <summary>The deadline in force when the request was made.</summary>
    public DateOnly? CurrentDeadline { get; private set; }

    public DateOnly ProposedDeadline { get; private set; }

    public string Reason { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public ExtensionDecision Decision { get; private set; } = ExtensionDecision.Pending;

    public string? DecisionReason { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public bool IsPending => Decision == ExtensionDecision.Pending;

    internal void Decide(bool approve, string? reason, Guid userId, DateTime nowUtc)
    {
        Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Refused;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedById = userId;
        DecidedAt = nowUtc;
    }
}
