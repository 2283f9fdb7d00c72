namespace DirectiveHub.Assignments;

public sealed record SweepResult(int Flagged, int Notified, int Reminders, bool Skipped, IReadOnlyList<Guid> DryRunIds)
{
    public int Digests { get; init; }

    public static readonly SweepResult LockHeld = new(0, 0, 0, true, []);
}
