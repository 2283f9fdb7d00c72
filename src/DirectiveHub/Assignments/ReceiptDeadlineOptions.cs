namespace DirectiveHub.Assignments;

/// <summary>Settings of the deadlines counted from receipt (section "ReceiptDeadlines").</summary>
public sealed class ReceiptDeadlineOptions
{
    /// <summary>
    /// A unit that has not acknowledged within this many working days of delivery has its clock started at delivery,
    /// so that not acknowledging never postpones a deadline. The national exchange expects receipt the same day.
    /// </summary>
    public int UnacknowledgedWorkingDays { get; set; } = 2;
}
