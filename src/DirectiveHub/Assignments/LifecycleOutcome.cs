namespace DirectiveHub.Assignments;

/// <param name="Id">What the action created (an extension request, an urging, a reassigned assignment), if anything.</param>
/// <param name="Count">How many assignments a bulk action touched.</param>
public sealed record LifecycleOutcome(LifecycleStatus Status, Guid? Id = null, int Count = 0, int Units = 0)
{
    public static readonly LifecycleOutcome NotFound = new(LifecycleStatus.NotFound);

    public static readonly LifecycleOutcome Forbidden = new(LifecycleStatus.Forbidden);
}
