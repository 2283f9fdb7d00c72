namespace DirectiveHub.Exchange;

/// <summary>A row of one of the exchange outboxes (packages, statuses): due at a time, sent once, retried with back-off.</summary>
public interface IOutgoing
{
    Guid Id { get; }

    DateTime NextAttemptAt { get; }

    DateTime? SentAt { get; }

    int Attempts { get; }

    void Sent(DateTime nowUtc);

    void Failed(string error, DateTime nowUtc);
}
