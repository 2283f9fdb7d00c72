namespace DirectiveHub.Assignments;

/// <summary>
/// What a client says about an action it may have kept while offline: its idempotency key (a retry carries the same
/// one) and when the officer made it on the device. Both are optional: a form sent online may carry neither.
/// </summary>
public sealed record QueuedAction(Guid? IdempotencyKey, DateTime? PreparedAtUtc);
