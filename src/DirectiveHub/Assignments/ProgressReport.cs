namespace DirectiveHub.Assignments;

public sealed class ProgressReport
{
    private ProgressReport()
    {
    }

    internal ProgressReport(ProgressStatus status, string? note, Guid reportedById, DateTime reportedAtUtc)
    {
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
}
