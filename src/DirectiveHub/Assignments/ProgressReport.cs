namespace DirectiveHub.Assignments;

public sealed class ProgressReport
{
    private ProgressReport()
    {
    }

    internal ProgressReport(ProgressStatus status, string? note, Guid reportedById, DateTime reportedAtUtc, Guid? idempotencyKey = null)
    {
        IdempotencyKey = idempotencyKey;
        Status = status;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReportedById = reportedById;
        ReportedAt = reportedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskAssignmentId { get; private set; }

    public ProgressStatus Status { get; private set; }

    public string? Note { get; private set; }

    public Guid ReportedById { get; private set; }

    public DateTime ReportedAt { get; private set; }

    /// <summary>The client's key for this report (a phone's queued action), unique: a retry finds it and adds nothing.</summary>
    public Guid? IdempotencyKey { get; private set; }
}
