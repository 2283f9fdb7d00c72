namespace DirectiveHub.Notifications;

/// <summary>
/// An email waiting to be sent. Written in the same transaction as the notice it carries, drained by the outbox
/// worker with retries, so a mail server outage delays mail but loses none.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        To = null!;
        Subject = null!;
        Body = null!;
        DedupKey = null!;
    }

    /// <param name="link">Where the mail leads: the address is added when it is sent (<see cref="INoticeLinks"/>).</param>
    public OutboxMessage(string to, string subject, string body, string dedupKey, DateTime createdAtUtc, Guid? recordCopyOf = null, (NoticeTarget Target, Guid? DirectiveId)? link = null)
    {
        LinkTarget = link?.Target;
        LinkDirectiveId = link?.DirectiveId;
        RecordCopyOf = recordCopyOf;
        To = to;
        Subject = subject.Length > 300 ? subject[..300] : subject;
        Body = body;
        DedupKey = dedupKey;
        CreatedAt = createdAtUtc;
        NextAttemptAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>One message per notice and person, however many sweeps write it.</summary>
    public string DedupKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The directive whose record copy (the signed PDF) goes along as an attachment, read when the mail is sent.</summary>
    public Guid? RecordCopyOf { get; private set; }

    /// <summary>What the mail leads to; its address goes after <see cref="Body"/> when sent.</summary>
    public NoticeTarget? LinkTarget { get; private set; }

    public Guid? LinkDirectiveId { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime nowUtc)
    {
        SentAt = nowUtc;
        LastError = null;
    }

    /// <summary>Keeps the message for a later attempt (<see cref="DeliveryRetry"/>).</summary>
    public void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = DeliveryRetry.Kept(error);
        NextAttemptAt = DeliveryRetry.NextAttemptAt(Attempts, nowUtc);
    }
}
