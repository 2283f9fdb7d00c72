namespace DirectiveHub.Assignments;

/// <summary>One run of the overdue sweep, for the operators' page.</summary>
public sealed class SweepRun
{
    private SweepRun()
    {
        Instance = null!;
    }

    public SweepRun(string instance, DateOnly asOf, DateTime startedAtUtc)
    {
        Instance = instance.Length > 100 ? instance[..100] : instance;
        AsOf = asOf;
        StartedAt = startedAtUtc;
    }

    public long Id { get; private set; }

    public string Instance { get; private set; }

    public DateOnly AsOf { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public int Flagged { get; private set; }

    public int Notified { get; private set; }

    public int Reminders { get; private set; }

    /// <summary>True when another instance held the sweep lock, so this run did nothing.</summary>
    public bool Skipped { get; private set; }

    public string? Error { get; private set; }

    public void Finish(SweepResult result, DateTime finishedAtUtc)
    {
        Flagged = result.Flagged;
        Notified = result.Notified;
        Reminders = result.Reminders;
        Skipped = result.Skipped;
        FinishedAt = finishedAtUtc;
    }

    public void Fail(string error, DateTime finishedAtUtc)
    {
        Error = error.Length > 2000 ? error[..2000] : error;
        FinishedAt = finishedAtUtc;
    }
}
