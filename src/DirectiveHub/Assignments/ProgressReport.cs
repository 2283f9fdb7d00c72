namespace DirectiveHub.Assignments;

/// <summary>
/// One report of a unit on its task assignment. A report of completion carries its result (the reporting document's
/// number and date, and/or evidence files) and, once the issuer decides, its review: accepted with a quality grade or
/// returned with a reason.
/// </summary>
public sealed class ProgressReport
{
    public const int MaxNoteLength = 4000;

    private ProgressReport()
    {
    }

    internal ProgressReport(ProgressStatus status, string? note, Guid reportedById, DateTime reportedAtUtc, Guid? idempotencyKey = null, ResultDocument? result = null, Guid? onBehalfOfUserId = null)
    {
        OnBehalfOfUserId = onBehalfOfUserId;
        IdempotencyKey = idempotencyKey;
        Status = status;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReportedById = reportedById;
        ReportedAt = reportedAtUtc;
        ResultNumber = result?.Number;
        ResultIssuedOn = result?.IssuedOn;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskAssignmentId { get; private set; }

    public ProgressStatus Status { get; private set; }

    public string? Note { get; private set; }

    public Guid ReportedById { get; private set; }

    public DateTime ReportedAt { get; private set; }

    /// <summary>The absent handler the reporter stood in for ("X thay Y"), if any.</summary>
    public Guid? OnBehalfOfUserId { get; private set; }

    /// <summary>The client's key for this report (a phone's queued action), unique: a retry finds it and adds nothing.</summary>
    public Guid? IdempotencyKey { get; private set; }

    /// <summary>Number and symbol of the document reporting the result ("12-BC/ĐU").</summary>
    public string? ResultNumber { get; private set; }

    public DateOnly? ResultIssuedOn { get; private set; }

    public ReviewDecision? Review { get; private set; }

    public ResultQuality? Quality { get; private set; }

    /// <summary>Why the result was returned (trả lại), or the reviewer's remark on acceptance.</summary>
    public string? ReviewNote { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public bool IsResult => Status == ProgressStatus.AwaitingConfirmation;

    internal void Reviewed(ReviewDecision decision, ResultQuality? quality, string? note, Guid userId, DateTime nowUtc)
    {
        Review = decision;
        Quality = quality;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedById = userId;
        ReviewedAt = nowUtc;
    }
}
