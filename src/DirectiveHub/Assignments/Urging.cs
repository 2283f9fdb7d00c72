namespace DirectiveHub.Assignments;

/// <summary>
/// Đôn đốc: a reminder, a criticism or a demand for self-criticism the issuer sent a unit about one task assignment,
/// optionally asking for a progress report by a date. Immutable once sent: it has no setters but EF's.
/// </summary>
public sealed class Urging
{
    public const int MaxTextLength = 2000;

    private Urging()
    {
        Text = null!;
    }

    internal Urging(Guid taskAssignmentId, UrgingKind kind, string text, DateOnly? reportBy, Guid sentById, Guid sentByOrganizationId, DateTime sentAtUtc)
    {
        TaskAssignmentId = taskAssignmentId;
        Kind = kind;
        Text = text;
        ReportBy = reportBy;
        SentById = sentById;
        SentByOrganizationId = sentByOrganizationId;
        SentAt = sentAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskAssignmentId { get; private set; }

    public UrgingKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>The date by which the issuer asks for a progress report, if it asked for one.</summary>
    public DateOnly? ReportBy { get; private set; }

    public Guid SentById { get; private set; }

    public Guid SentByOrganizationId { get; private set; }

    public DateTime SentAt { get; private set; }
}
