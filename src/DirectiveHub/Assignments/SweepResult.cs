namespace DirectiveHub.Assignments;

/// <summary>
/// What one sweep did: <see cref="Flagged"/> assignments newly overdue, <see cref="Notified"/> red notices,
/// <see cref="Reminders"/> yellow notices and <see cref="SpecialRed"/> special-red notices written. A dry run writes
/// nothing and lists what it would do (<see cref="DryRunIds"/>, <see cref="DryRunAlerts"/>).
/// </summary>
public sealed record SweepResult(int Flagged, int Notified, int Reminders, bool Skipped, IReadOnlyList<Guid> DryRunIds)
{
    public int SpecialRed { get; init; }

    public int Digests { get; init; }

    /// <summary>Mails queued (one per person and sweep, grouping that person's alerts).</summary>
    public int Mails { get; init; }

    /// <summary>The alerts a dry run would send, one line each: "level assignment-id organization-id".</summary>
    public IReadOnlyList<string> DryRunAlerts { get; init; } = [];

    public static readonly SweepResult LockHeld = new(0, 0, 0, true, []);
}
